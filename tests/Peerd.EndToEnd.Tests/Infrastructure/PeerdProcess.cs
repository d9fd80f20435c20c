using System.Text.Json.Nodes;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real <c>peerd</c> daemon process on loopback with its own temporary data directory (removed on dispose),
/// listening on an ephemeral port. Its RPC socket is used to learn its id and port.
/// </summary>
public sealed class PeerdProcess : IAsyncDisposable
{
    private PeerdProcess(ChildProcess process, string directory, string network)
    {
        Process = process;
        Directory = directory;
        Network = network;
    }

    /// <summary>The process.</summary>
    public ChildProcess Process { get; }

    /// <summary>The data directory.</summary>
    public string Directory { get; }

    /// <summary>The network.</summary>
    public string Network { get; }

    /// <summary>The RPC socket path.</summary>
    public string RpcPath => Path.Combine(Directory, Network, "lightning-rpc");

    /// <summary>The log file.</summary>
    public string LogPath => Path.Combine(Directory, "peerd.log");

    /// <summary>Our node id, from getinfo.</summary>
    public string NodeId { get; private set; } = "";

    /// <summary>The TCP port bound on 127.0.0.1, from getinfo.</summary>
    public int Port { get; private set; }

    /// <summary>Starts a daemon and waits until its RPC socket answers getinfo.</summary>
    /// <param name="network">The network.</param>
    /// <param name="extraArguments">More options.</param>
    /// <param name="directory">The data directory (a new temporary one by default).</param>
    /// <param name="hostsFile">
    /// If given, the daemon runs in its own mount namespace with this file bind-mounted on /etc/hosts, so a test can
    /// give a name several addresses without touching the machine's resolver.
    /// </param>
    /// <param name="launcher">
    /// If given, a command that runs the daemon in place (it must exec it, keeping the pid), e.g.
    /// <c>prlimit --nofile=300:300</c> to start it under a low descriptor limit.
    /// </param>
    public static async Task<PeerdProcess> StartAsync(string network = "regtest", IEnumerable<string>? extraArguments = null, string? directory = null, string? hostsFile = null, IReadOnlyList<string>? launcher = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "peerd-test-" + Guid.NewGuid().ToString("N")[..12]);
        var args = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, "peerd.dll"),
            $"--lightning-dir={directory}",
            $"--network={network}",
            "--bind-addr=127.0.0.1:0",
            "--log-level=debug",
            $"--log-file={Path.Combine(directory, "peerd.log")}",
        };
        args.AddRange(extraArguments ?? []);
        var process = hostsFile is not null
            ? ChildProcess.Start("unshare", ["-m", "sh", "-c", "mount --bind \"$0\" /etc/hosts && exec dotnet \"$@\"", hostsFile, .. args])
            : launcher is { Count: > 0 }
                ? ChildProcess.Start(launcher[0], [.. launcher.Skip(1), "dotnet", .. args])
                : ChildProcess.Start("dotnet", args);
        var daemon = new PeerdProcess(process, directory, network);
        try
        {
            await daemon.WaitReadyAsync().ConfigureAwait(false);
        }
        catch
        {
            await daemon.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return daemon;
    }

    /// <summary>Opens a new RPC connection.</summary>
    public Task<RpcClient> RpcAsync() => RpcClient.ConnectAsync(RpcPath);

    /// <summary>What the log file holds now.</summary>
    public string ReadLog() => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    private async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow + ChildProcess.Deadline;
        while (true)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"peerd exited early: {Process.StandardError}");
            }

            if (File.Exists(RpcPath))
            {
                try
                {
                    await using var rpc = await RpcAsync().ConfigureAwait(false);
                    var info = await rpc.ResultAsync("getinfo").ConfigureAwait(false);
                    NodeId = info["id"]!.GetValue<string>();
                    foreach (var binding in info["binding"]!.AsArray())
                    {
                        if (binding!["type"]!.GetValue<string>() == "ipv4")
                        {
                            Port = binding["port"]!.GetValue<int>();
                        }
                    }

                    return;
                }
                catch (System.Net.Sockets.SocketException)
                {
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("peerd did not start: " + Process.StandardError);
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>Connects this daemon to a peer with the <c>connect</c> RPC; returns the full response.</summary>
    public async Task<JsonObject> ConnectAsync(string id, string? host = null, int? port = null)
    {
        await using var rpc = await RpcAsync().ConfigureAwait(false);
        var parameters = new JsonObject { ["id"] = id };
        if (host is not null)
        {
            parameters["host"] = host;
        }

        if (port is not null)
        {
            parameters["port"] = port;
        }

        return await rpc.CallAsync("connect", parameters).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync().ConfigureAwait(false);
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
