using System.Diagnostics;
using System.Net;
using Peerd.Primitives;

namespace Peerd.Load.Infrastructure;

/// <summary>
/// A <c>peerd</c> daemon started by the load tool: its own temporary <c>--lightning-dir</c> (removed on dispose),
/// regtest, <c>127.0.0.1:0</c>, output to a log file in that directory. Identity and port come from <c>getinfo</c>.
/// </summary>
internal sealed class DaemonProcess : ILightningNode
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private DaemonProcess(Process process, string directory)
    {
        _process = process;
        Directory = directory;
    }

    /// <summary>Extra environment variables for every daemon started (<c>--daemon-env</c>, for experiments).</summary>
    public static List<(string Name, string Value)> Environment { get; } = [];

    /// <summary>Extra arguments for every daemon started (<c>--daemon-arg</c>, for experiments).</summary>
    public static List<string> Arguments { get; } = [];

    /// <summary>The data directory.</summary>
    public string Directory { get; }

    /// <summary>The RPC socket.</summary>
    public string RpcPath => Path.Combine(Directory, "regtest", "lightning-rpc");

    /// <summary>The daemon's process id (the <c>dotnet</c> host runs the daemon in-process).</summary>
    public int Pid => _process.Id;

    /// <summary>The node id, hex.</summary>
    public string NodeId { get; private set; } = "";

    /// <summary>The node id, bytes.</summary>
    public byte[] NodeIdBytes => Hex.Decode(NodeId);

    /// <summary>Where it listens.</summary>
    public IPEndPoint EndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    /// <inheritdoc />
    public int Port => EndPoint.Port;

    /// <summary>Starts <c>dotnet <paramref name="peerdDll"/></c> with <paramref name="extraArguments"/> and waits for <c>getinfo</c>.</summary>
    public static async Task<DaemonProcess> StartAsync(string peerdDll, IEnumerable<string> extraArguments)
    {
        var directory = Path.Combine(Path.GetTempPath(), "peerd-load-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(directory);
        var log = Path.Combine(directory, "daemon.out");
        var arguments = string.Join(' ', new[]
        {
            Quote(peerdDll), $"--lightning-dir={Quote(directory)}", "--network=regtest", "--bind-addr=127.0.0.1:0", "--log-level=info",
        }.Concat(extraArguments).Concat(Arguments));

        // The shell redirects the daemon's console to a file, so a chatty log cannot back up a pipe we must drain.
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec dotnet {arguments} >{Quote(log)} 2>&1"])
        {
            UseShellExecute = false,
        };
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        var daemon = new DaemonProcess(process, directory);
        try
        {
            await daemon.WaitReadyAsync(log).ConfigureAwait(false);
        }
        catch
        {
            await daemon.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return daemon;
    }

    /// <summary>Opens a persistent RPC connection.</summary>
    public Task<RpcSocket> RpcAsync() => RpcSocket.ConnectAsync(RpcPath);

    /// <summary>The daemon's memory and CPU now.</summary>
    public ProcStats Stats() => ProcStats.Read(Pid);

    /// <summary>The number of connected peers (<c>getinfo.num_peers</c>).</summary>
    public async Task<int> PeerCountAsync()
    {
        await using var rpc = await RpcAsync().ConfigureAwait(false);
        var info = await rpc.CallAsync("getinfo").ConfigureAwait(false);
        return info["num_peers"]!.GetValue<int>();
    }

    /// <summary>Waits (bounded) until the daemon holds at most <paramref name="count"/> peers.</summary>
    public async Task WaitPeersAtMostAsync(int count, TimeSpan deadline)
    {
        var until = Stopwatch.GetTimestamp() + (long)(deadline.TotalSeconds * Stopwatch.Frequency);
        while (await PeerCountAsync().ConfigureAwait(false) > count && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Asks the daemon to stop, kills it if it does not, and removes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await using var rpc = await RpcAsync().ConfigureAwait(false);
                await rpc.CallRawAsync("stop", "{}").ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
            {
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitReadyAsync(string log)
    {
        var until = Stopwatch.GetTimestamp() + (long)(StartDeadline.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"peerd exited early: {ReadLog(log)}");
            }

            if (File.Exists(RpcPath))
            {
                try
                {
                    await using var rpc = await RpcAsync().ConfigureAwait(false);
                    var info = await rpc.CallAsync("getinfo").ConfigureAwait(false);
                    NodeId = info["id"]!.GetValue<string>();
                    foreach (var binding in info["binding"]!.AsArray())
                    {
                        if (binding!["type"]!.GetValue<string>() == "ipv4")
                        {
                            EndPoint = new IPEndPoint(IPAddress.Parse(binding["address"]!.GetValue<string>()), binding["port"]!.GetValue<int>());
                        }
                    }

                    return;
                }
                catch (System.Net.Sockets.SocketException)
                {
                }
            }

            if (Stopwatch.GetTimestamp() > until)
            {
                throw new TimeoutException($"peerd did not start: {ReadLog(log)}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private static string ReadLog(string log) => File.Exists(log) ? File.ReadAllText(log) : "";

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
