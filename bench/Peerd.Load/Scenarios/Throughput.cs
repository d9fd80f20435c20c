namespace Peerd.Load.Scenarios;

/// <summary>Messages moved in a timed run.</summary>
/// <param name="Messages">Messages.</param>
/// <param name="Size">Plaintext bytes per message (type included).</param>
/// <param name="Seconds">Wall time, from the first send to the proof that the last message was handled.</param>
internal readonly record struct Throughput(long Messages, int Size, double Seconds)
{
    /// <summary>Messages per second.</summary>
    public double MessagesPerSecond => Seconds > 0 ? Messages / Seconds : 0;

    /// <summary>Plaintext megabytes (10^6 bytes) per second.</summary>
    public double MegabytesPerSecond => Seconds > 0 ? Messages * (double)Size / Seconds / 1e6 : 0;
}
