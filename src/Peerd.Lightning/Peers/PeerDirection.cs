namespace Peerd.Lightning.Peers;

/// <summary>Who opened the connection.</summary>
public enum PeerDirection
{
    /// <summary>The peer connected to us.</summary>
    In,

    /// <summary>We connected to the peer.</summary>
    Out,
}
