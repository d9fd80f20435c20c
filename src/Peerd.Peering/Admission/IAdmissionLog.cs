namespace Peerd.Peering.Admission;

/// <summary>
/// Where a <see cref="ConnectionAdmission"/> reports what it did; each network writes these as its own log events
/// (its ids, its component name). Remote peers trigger all of them: none is an error, and the descriptor-pressure
/// reports arrive already throttled (<see cref="AdmissionLimits.ShedLogInterval"/>).
/// </summary>
public interface IAdmissionLog
{
    /// <summary>A connection from <paramref name="remote"/> was closed at accept: beyond its address's rate.</summary>
    void RateLimited(string remote);

    /// <summary>A connection was refused at accept, for <paramref name="reason"/> (a full table, the inbound cap).</summary>
    void Refused(string remote, string reason);

    /// <summary>The oldest inbound handshake was closed to admit a newcomer.</summary>
    void EvictedHandshake(string remote, double ageSeconds, string newcomer);

    /// <summary>Descriptor pressure closed every pending connection.</summary>
    void ShedPending(string cause, int inbound, int outbound, string suppressed);

    /// <summary>Descriptor pressure closed a peer chosen at random.</summary>
    void ShedPeer(string cause, string peer, bool inbound);
}
