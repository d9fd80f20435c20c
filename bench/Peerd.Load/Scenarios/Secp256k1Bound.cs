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
    /// CPU microseconds the curve work of one handshake takes on one thread (process CPU time, so it holds even when
    /// other work shares the machine); <see cref="Environment.ProcessorCount"/> divided by it is the bound.
    /// </summary>
    public static double CpuMicrosecondsPerHandshake(TimeSpan duration)
    {
        var remote = StaticKey.Generate().PublicKey.ToArray();
        Span<byte> secret = stackalloc byte[Secp256k1.PrivateKeyLength];
        Span<byte> publicKey = stackalloc byte[Secp256k1.PublicKeyLength];
        Span<byte> shared = stackalloc byte[Secp256k1.SharedSecretLength];
        var before = Infrastructure.ProcStats.Read(Environment.ProcessId);
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
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

        var after = Infrastructure.ProcStats.Read(Environment.ProcessId);
        return 1e6 * (after.CpuSeconds - before.CpuSeconds) / n;
    }

    /// <summary>Handshakes per second that <see cref="Environment.ProcessorCount"/> threads of pure curve work reach.</summary>
    public static double HandshakesPerSecond(TimeSpan duration)
    {
        var remote = StaticKey.Generate().PublicKey.ToArray();
        var counts = new long[Environment.ProcessorCount];
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
        return counts.Sum() / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
