namespace Peerd.Peering.Admission;

/// <summary>What a <see cref="ConnectionAdmission"/> asks of the registry of connected peers it guards.</summary>
public interface IAdmissionHost
{
    /// <summary>Connected peers now, in all and inbound.</summary>
    (int Peers, int Inbound) CountPeers();

    /// <summary>
    /// Closes one connected peer chosen at random to free a descriptor — an inbound one if any (they are unsolicited;
    /// outbound ones the operator asked for), else an outbound one unless <paramref name="inboundOnly"/> — and returns
    /// its id and direction for the log, or null when there was none to close.
    /// </summary>
    (string Peer, bool Inbound)? CloseRandomPeer(bool inboundOnly);
}
