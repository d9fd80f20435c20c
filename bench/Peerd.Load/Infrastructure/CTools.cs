using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Peerd.Load.Infrastructure;

/// <summary>
/// The C programs under <c>bench/floor</c>, compiled with <c>gcc -O2</c> into a temporary directory for this run:
/// the handshake-shape floor and the process launcher that times CLI calls. Unavailable (null) without gcc or sources.
/// </summary>
internal sealed partial class CTools : IDisposable
{
    private readonly string _directory;

    private CTools(string directory) => _directory = directory;

    /// <summary>Compiles both programs; null (with the reason) when gcc or the sources are missing.</summary>
    public static CTools? Compile(string? repoRoot, out string why)
    {
        why = "";
        var floor = repoRoot is null ? "" : Path.Combine(repoRoot, "bench", "floor");
        if (!File.Exists(Path.Combine(floor, "handshake_shape.c")))
        {
            why = "bench/floor not found";
            return null;
        }

        var directory = Path.Combine(Path.GetTempPath(), "peerd-load-c-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        var tools = new CTools(directory);
        foreach (var name in new[] { "handshake_shape", "spawn_loop" })
        {
            try
            {
                // The floor links the daemon's libsecp256k1 for its real-ECDH mode (scripts/deps.sh runtime installs it).
                string[] libraries = name == "handshake_shape" ? ["-l:libsecp256k1.so.1"] : [];
                Run("gcc", ["-O2", "-o", Path.Combine(directory, name), Path.Combine(floor, name + ".c"), .. libraries]);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                tools.Dispose();
                why = $"cannot compile {name}.c: {e.Message}";
                return null;
            }
        }

        return tools;
    }

    /// <summary>
    /// <c>handshake_shape both 40 80 80 40 GAP CONNECTS</c>: a TCP connection and a handshake's four flights between
    /// two C processes, curve work as busy waits, <paramref name="gapMicroseconds"/> idle between connects.
    /// </summary>
    public (double P50, double P99) HandshakeShape(int gapMicroseconds, int connects) => Floor("40", "80", "80", "40", gapMicroseconds, connects);

    /// <summary>
    /// <c>handshake_shape both ecdh ecdh ecdh ecdh GAP CONNECTS</c>: the same shape with libsecp256k1's ECDHs (1, 2, 2,
    /// 1) where the busy waits were, so the curve work pays for cold caches after an idle gap as a daemon's does.
    /// </summary>
    public (double P50, double P99) HandshakeShapeWithEcdh(int gapMicroseconds, int connects) => Floor("ecdh", "ecdh", "ecdh", "ecdh", gapMicroseconds, connects);

    private (double P50, double P99) Floor(string act1, string act2, string act3, string last, int gapMicroseconds, int connects)
    {
        var output = Run(Path.Combine(_directory, "handshake_shape"), ["both", act1, act2, act3, last, gapMicroseconds.ToString(CultureInfo.InvariantCulture), connects.ToString(CultureInfo.InvariantCulture)]);
        var match = FloorLine().Match(output);
        return match.Success
            ? (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) / 1000, double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) / 1000)
            : throw new InvalidOperationException($"handshake_shape printed: {output}");
    }

    /// <summary>Wall times (ms) of <paramref name="calls"/> runs of a command, one process each (stdout discarded).</summary>
    public List<double> Spawn(int calls, string program, IEnumerable<string> arguments)
    {
        var output = Run(Path.Combine(_directory, "spawn_loop"), [calls.ToString(CultureInfo.InvariantCulture), program, .. arguments]);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => double.Parse(line, CultureInfo.InvariantCulture) / 1000)];
    }

    /// <summary>One call's wall time (ms), through the same launcher.</summary>
    public double SpawnOnce(string program, IEnumerable<string> arguments) => Spawn(1, program, arguments)[0];

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Run(string program, IReadOnlyList<string> arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill();
            throw new InvalidOperationException($"{program} did not finish in 5 minutes");
        }

        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {output.Result}{error.Result}");
    }

    [GeneratedRegex(@"p50 (\d+) us, p90 \d+ us, p99 (\d+) us")]
    private static partial Regex FloorLine();
}
