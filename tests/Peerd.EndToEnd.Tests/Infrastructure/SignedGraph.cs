using System.Diagnostics;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Core Lightning's 2024-09-22 mainnet graph snapshot made into a valid regtest gossip store (every signature real,
/// timestamps a minute old) by the data set's own <c>sign-gossip-store.js</c>, once per test run, in a temporary
/// directory removed at the end. The data set is found in <c>$PEERD_LN_GRAPH</c>, else <c>../shared/data/ln-graph</c>
/// beside the repository. <c>$PEERD_LN_GRAPH_SIGNED</c> may name a store the script signed earlier (reused as is).
/// </summary>
public sealed class SignedGraph : IDisposable
{
    /// <summary>Channels in the snapshot.</summary>
    public const int Channels = 59_428;

    /// <summary>Nodes in the snapshot.</summary>
    public const int Nodes = 18_212;

    /// <summary>Nodes whose announcement carries an address (3 in 4).</summary>
    public const int NodesWithAddresses = 13_659;

    /// <summary>Regtest's chain hash, which the signed store uses.</summary>
    public const string RegtestChain = "06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f";

    private static readonly TimeSpan SigningDeadline = TimeSpan.FromMinutes(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("peerd-ln-graph-").FullName;

    /// <summary>Decompresses and signs the snapshot.</summary>
    public SignedGraph()
    {
        var data = Environment.GetEnvironmentVariable("PEERD_LN_GRAPH") is { Length: > 0 } set
            ? set
            : Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "ln-graph"));
        var raw = Path.Combine(data, "raw-gossip-store-2024-09-22.xz");
        if (!File.Exists(raw))
        {
            throw new InvalidOperationException($"the 2024-09-22 graph data set is not at {data}: set PEERD_LN_GRAPH to its directory");
        }

        var stopwatch = Stopwatch.StartNew();
        if (Environment.GetEnvironmentVariable("PEERD_LN_GRAPH_SIGNED") is { Length: > 0 } signed && File.Exists(signed))
        {
            // A store signed earlier by the same script (its timestamps must be under two weeks old): saves the signing.
            File.Copy(signed, StorePath);
            return;
        }

        Run("sh", ["-c", "xz -dc \"$0\" > \"$1\"", raw, Path.Combine(_dir, "raw")], _dir);
        Run("node", [Path.Combine(data, "sign-gossip-store.js"), Path.Combine(_dir, "raw"), Path.Combine(data, "node-map-2024-09-22.xz"), StorePath], RepoPaths.Interop);
        File.Delete(Path.Combine(_dir, "raw"));
        SigningTime = stopwatch.Elapsed;
    }

    /// <summary>The signed store.</summary>
    public string StorePath => Path.Combine(_dir, "graph.gossip_store");

    /// <summary>How long signing took (the data set says ~19 s on an idle machine).</summary>
    public TimeSpan SigningTime { get; }

    /// <summary>The secret of snapshot node <paramref name="n"/>: LE64(n) then 24 bytes of 0x01 (gossmap-compress's keys).</summary>
    public static byte[] SecretOf(int n)
    {
        var secret = Enumerable.Repeat((byte)1, 32).ToArray();
        BitConverter.TryWriteBytes(secret.AsSpan(0, 8), (ulong)n);
        return secret;
    }

    /// <summary>The address the signing script announced for node <paramref name="n"/> (when n % 4 != 3).</summary>
    public static string AddressOf(int n) => $"127.{1 + (n >> 16)}.{(n >> 8) & 255}.{n & 255}";

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void Run(string file, string[] arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(SigningDeadline))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {SigningDeadline}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {stderr.Result}");
        }
    }
}
