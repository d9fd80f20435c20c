namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>
/// rippled's <c>NetClock</c>: whole seconds since the XRPL epoch, 2000-01-01T00:00:00Z, held in 32 bits
/// (the <c>Network-Time</c> header).
/// </summary>
public static class NetworkTime
{
    /// <summary>The XRPL epoch as Unix seconds: 946 684 800 = 10 957 days × 86 400.</summary>
    public const long EpochUnixSeconds = 946_684_800;

    /// <summary>The XRPL epoch.</summary>
    public static readonly DateTimeOffset Epoch = DateTimeOffset.FromUnixTimeSeconds(EpochUnixSeconds);

    /// <summary>Seconds since the XRPL epoch, truncated like a <c>time_point_cast</c> to seconds.</summary>
    public static long ToNetworkSeconds(DateTimeOffset time) => time.ToUnixTimeSeconds() - EpochUnixSeconds;
}
