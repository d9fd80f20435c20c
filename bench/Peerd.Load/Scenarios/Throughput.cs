namespace Peerd.Load.Scenarios;

/// <summary>Messages moved in a timed run.</summary>
/// <param name="Messages">Messages.</param>
/// <param name="Size">Plaintext bytes per message (type included).</param>
/// <param name="Seconds">Wall time, from the first send to the proof that the last message was handled.</param>
/// <param name="DaemonCpuSeconds">The daemon's CPU time (user + system) over the same interval, when it was read.</param>
internal readonly record struct Throughput(long Messages, int Size, double Seconds, double? DaemonCpuSeconds = null)
{
    /// <summary>The daemon's CPU per message in microseconds, or null when it was not read.</summary>
    public double? DaemonMicrosPerMessage => DaemonCpuSeconds is { } cpu && Messages > 0 ? 1e6 * cpu / Messages : null;

    /// <summary>Messages per second.</summary>
    public double MessagesPerSecond => Seconds > 0 ? Messages / Seconds : 0;

    /// <summary>Plaintext megabytes (10^6 bytes) per second.</summary>
    public double MegabytesPerSecond => Seconds > 0 ? Messages * (double)Size / Seconds / 1e6 : 0;
}
