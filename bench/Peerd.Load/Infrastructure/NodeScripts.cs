using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Peerd.Load.Infrastructure;

/// <summary>
/// The node-lightning side of the comparison: <c>bench/node/server.js</c> (a <c>@node-lightning/wire</c> PeerServer)
/// and <c>bench/node/client.js</c> (node-lightning peers dialling any BOLT 8 listener), each one JSON line of output.
/// </summary>
internal sealed class NodeScripts(string directory)
{
    /// <summary>True when node and the interop packages are there.</summary>
    public static bool Available(string repoRoot, out string why)
    {
        why = "";
        if (!File.Exists(Path.Combine(repoRoot, "tests", "interop", "node_modules", "@node-lightning", "wire", "package.json")))
        {
            why = "tests/interop/node_modules missing (run scripts/deps.sh test)";
            return false;
        }

        return true;
    }

    /// <summary>Starts <c>server.js</c>; dispose to stop it.</summary>
    public async Task<NodeServer> StartServerAsync()
    {
        var process = Process.Start(new ProcessStartInfo("node", [Path.Combine(directory, "server.js"), "127.0.0.1"])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("cannot start node");
        _ = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false)
            ?? throw new InvalidOperationException("node server.js exited before listening");
        var json = JsonNode.Parse(line)!;
        return new NodeServer(process, new IPEndPoint(IPAddress.Loopback, json["port"]!.GetValue<int>()), json["pubkey"]!.GetValue<string>());
    }

    /// <summary>Runs <c>client.js</c> with <paramref name="arguments"/>; returns its JSON result.</summary>
    public async Task<JsonObject> RunClientAsync(params object[] arguments)
    {
        var args = new List<string> { Path.Combine(directory, "client.js") };
        args.AddRange(arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)!));
        using var process = Process.Start(new ProcessStartInfo("node", args)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("cannot start node");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        var text = (await output.ConfigureAwait(false)).Trim();
        if (process.ExitCode != 0 || text.Length == 0)
        {
            throw new InvalidOperationException($"node client.js {string.Join(' ', arguments)} failed: {await error.ConfigureAwait(false)}");
        }

        return JsonNode.Parse(text.Split('\n')[^1])!.AsObject();
    }
}

/// <summary>A running <c>server.js</c>.</summary>
internal sealed class NodeServer(Process process, IPEndPoint endPoint, string nodeId) : IAsyncDisposable
{
    /// <summary>Where it listens.</summary>
    public IPEndPoint EndPoint { get; } = endPoint;

    /// <summary>Its node id, hex.</summary>
    public string NodeId { get; } = nodeId;

    /// <summary>Its CPU time and memory now.</summary>
    public ProcStats Stats() => ProcStats.Read(process.Id);

    /// <summary>Closes its stdin (it exits), killing it if it does not.</summary>
    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
        }

        process.Dispose();
    }
}
