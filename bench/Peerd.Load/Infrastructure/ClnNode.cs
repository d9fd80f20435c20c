using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Peerd.Load.Infrastructure;

/// <summary>
/// A Core Lightning node for the side-by-side latency runs, started by the command the developer names
/// (<see cref="ClnSetup.StartVariable"/>): run as <c>COMMAND DIR PORT --log-level=info</c>, it starts a regtest
/// <c>lightningd</c> with <c>--lightning-dir=DIR</c> listening on <c>127.0.0.1:PORT</c> (with whatever Bitcoin backend
/// the machine has) and returns once the node answers on <c>DIR/regtest/lightning-rpc</c>. Stopped with the
/// <c>stop</c> RPC; its directory is removed.
/// </summary>
internal sealed class ClnNode : ILightningNode
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(20);

    private ClnNode(string directory, int port)
    {
        Directory = directory;
        Port = port;
    }

    /// <inheritdoc />
    public string Directory { get; }

    /// <inheritdoc />
    public string RpcPath => Path.Combine(Directory, "regtest", "lightning-rpc");

    /// <inheritdoc />
    public string NodeId { get; private set; } = "";

    /// <inheritdoc />
    public int Port { get; }

    /// <summary>Starts a node with <paramref name="startCommand"/> and reads its id.</summary>
    public static async Task<ClnNode> StartAsync(string startCommand)
    {
        var directory = Path.Combine(Path.GetTempPath(), "peerd-load-cln-" + Guid.NewGuid().ToString("N")[..10]);
        var node = new ClnNode(directory, FreePort());
        try
        {
            using var process = Process.Start(new ProcessStartInfo(startCommand, [directory, node.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--log-level=info"])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException($"cannot start {startCommand}");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(StartDeadline);
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{startCommand} exited {process.ExitCode}: {await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
            }

            await using var rpc = await ((ILightningNode)node).RpcAsync().ConfigureAwait(false);
            node.NodeId = (await rpc.CallAsync("getinfo").ConfigureAwait(false))["id"]!.GetValue<string>();
            return node;
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends <c>stop</c>, waits (bounded) until the node is gone, removes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        var pid = ReadPid();
        try
        {
            await using var rpc = await RpcSocket.ConnectAsync(RpcPath).ConfigureAwait(false);
            await rpc.CallRawAsync("stop", "{}").ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
        }

        var until = Stopwatch.GetTimestamp() + (long)(StopDeadline.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until && (pid is { } p ? System.IO.Directory.Exists($"/proc/{p}") : await AnswersAsync().ConfigureAwait(false)))
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        if (pid is { } stuck && System.IO.Directory.Exists($"/proc/{stuck}"))
        {
            try
            {
                using var process = Process.GetProcessById(stuck);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
            }
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The process id from <c>DIR/lightningd.pid</c> when the start command asked for one.</summary>
    private int? ReadPid()
    {
        var file = Path.Combine(Directory, "lightningd.pid");
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) ? pid : null;
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            await using var rpc = await RpcSocket.ConnectAsync(RpcPath).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A loopback port free now (lightningd takes a port, not 0; the short race with other binders is accepted).</summary>
    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
