using System.Diagnostics;
using Peerd.Crypto;

namespace Peerd.Load.Scenarios;

/// <summary>
/// The handshake rate the secp256k1 work alone allows on this machine: one handshake, both ends, is 2 key
/// generations (each side's ephemeral key: CSPRNG secret + public key) and 6 ECDHs (es, ee, se on each side). Run on
/// every core at once, nothing else in the loop.
/// </summary>
internal static class Secp256k1Bound
{
    /// <summary>
    /// Handshakes per second that <see cref="Environment.ProcessorCount"/> threads of pure curve work reach, and the
    /// CPU time one handshake's curve work took while every core was busy (vCPUs that share a physical core slow
    /// each other, so this is the figure to set against a handshake's CPU time measured under the same load).
    /// </summary>
    public static (double Rate, double CpuMicroseconds) Measure(TimeSpan duration)
    {
        var remote = StaticKey.Generate().PublicKey.ToArray();
        var counts = new long[Environment.ProcessorCount];
        var before = Infrastructure.ProcStats.Read(Environment.ProcessId);
        var start = Stopwatch.GetTimestamp();
        var until = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        Parallel.For(0, counts.Length, new ParallelOptions { MaxDegreeOfParallelism = counts.Length }, i =>
        {
            Span<byte> secret = stackalloc byte[Secp256k1.PrivateKeyLength];
            Span<byte> publicKey = stackalloc byte[Secp256k1.PublicKeyLength];
            Span<byte> shared = stackalloc byte[Secp256k1.SharedSecretLength];
            long n = 0;
            while (Stopwatch.GetTimestamp() < until)
            {
                for (var k = 0; k < 2; k++)
                {
                    StaticKey.GeneratePrivateKey(secret);
                    Secp256k1.TryCreatePublicKey(secret, publicKey);
                }

                for (var k = 0; k < 6; k++)
                {
                    Secp256k1.TryEcdh(secret, remote, shared);
                }

                n++;
            }

            counts[i] = n;
        });
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var after = Infrastructure.ProcStats.Read(Environment.ProcessId);
        var units = counts.Sum();
        return (units / seconds, 1e6 * (after.CpuSeconds - before.CpuSeconds) / units);
    }
}
