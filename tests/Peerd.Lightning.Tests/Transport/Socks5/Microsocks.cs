using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Tests.Transport.Socks5;

/// <summary>
/// A real SOCKS5 proxy for a test: Debian's <c>microsocks</c> on a free loopback port, started with the arguments
/// given and killed on dispose. Installed by <c>scripts/deps.sh</c>; missing, the test fails saying so.
/// </summary>
internal sealed class Microsocks : IDisposable
{
    private readonly Process _process;

    private Microsocks(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public PeerEndpoint Endpoint => PeerEndpoint.FromIp(IPAddress.Loopback, Port);

    public static async Task<Microsocks> StartAsync(params string[] arguments)
    {
        int port = Loopback.FreePort();
        var start = new ProcessStartInfo("microsocks")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-i", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture) }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("microsocks is not installed: run scripts/deps.sh (apt-get install microsocks)", e);
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var proxy = new Microsocks(process, port);
        try
        {
            await Loopback.WaitUntilListeningAsync(port, () => process.HasExited);
            return proxy;
        }
        catch
        {
            proxy.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
    }
}

/// <summary>Loopback helpers: free ports, waiting for a listener, and a one-shot echo target.</summary>
internal static class Loopback
{
    public static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>Polls until something accepts on the port (at most 10 s: a proxy that never listens fails the test).</summary>
    public static async Task WaitUntilListeningAsync(int port, Func<bool> exited)
    {
        for (int attempt = 0; attempt < 500; attempt++)
        {
            if (exited())
            {
                throw new InvalidOperationException($"the proxy exited before listening on port {port}");
            }

            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await probe.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new TimeoutException($"nothing listens on port {port}");
    }
}
