namespace Peerd.Load.Report;

/// <summary>A latency sample set summarised (milliseconds); <see cref="First"/> is the first sample taken.</summary>
internal readonly record struct Latency(int Count, double P50, double P99, double Max, double First)
{
    /// <summary>Summarises <paramref name="samples"/> (nearest-rank percentiles), in the order they were taken.</summary>
    public static Latency Of(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
        {
            return default;
        }

        var sorted = samples.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Latency(sorted.Length, Rank(0.50), Rank(0.99), sorted[^1], samples[0]);
    }

    /// <inheritdoc />
    public override string ToString() => $"p50 {P50:F2} ms, p99 {P99:F2} ms, max {Max:F2} ms (n={Count})";
}
