using System.Net.Sockets;
using System.Text;
using Peerd.EndToEnd.Tests.Infrastructure;

namespace Peerd.EndToEnd.Tests.Operations;

/// <summary>
/// packaging/systemd against systemd's own tools, and the published daemon started exactly as the unit starts it:
/// its <c>ExecStart</c> command line and <c>Environment</c>, with only the install prefix and data directory moved
/// into temporary folders, readiness over <c>$NOTIFY_SOCKET</c> (<c>Type=notify</c>), then <c>ExecReload</c> and the
/// stop signal.
/// </summary>
public sealed class SystemdUnitTests(PublishedLayout layout) : IClassFixture<PublishedLayout>
{
    private const string InstalledPrefix = "/opt/peerd";
    private const string InstalledDataDirectory = "/var/lib/peerd";

    private static string UnitPath => Path.Combine(RepoPaths.Root, "packaging", "systemd", "peerd.service");

    [Fact]
    public async Task TheUnitPassesSystemdAnalyzeVerify()
    {
        var unit = await InstalledUnitAsync();
        try
        {
            // MANPATH: verify also checks that Documentation=man:peerd(8) resolves, here to the layout's own page.
            await using var verify = ChildProcess.Start("systemd-analyze", ["verify", unit], environment: new Dictionary<string, string>
            {
                ["MANPATH"] = Path.Combine(layout.Tree, "share", "man"),
            });
            Assert.Equal(0, await verify.WaitForExitAsync());

            // Unknown or misspelt settings are only warnings (exit 0): any output at all fails the test.
            Assert.Equal(string.Empty, verify.StandardError);
        }
        finally
        {
            File.Delete(unit);
        }
    }

    [Fact]
    public async Task TheUnitIsHardenedAsASystemService()
    {
        var settings = Settings(await File.ReadAllTextAsync(UnitPath));
        Assert.Equal("peerd", settings["User"]);
        Assert.Equal("strict", settings["ProtectSystem"]);
        Assert.Equal(InstalledDataDirectory, settings["ReadWritePaths"]);
        Assert.Equal("true", settings["NoNewPrivileges"]);
        Assert.Equal("true", settings["PrivateTmp"]);
        Assert.Equal("on-failure", settings["Restart"]);
        Assert.True(int.Parse(settings["LimitNOFILE"], System.Globalization.CultureInfo.InvariantCulture) >= 65536);
        Assert.Equal("notify", settings["Type"]);
        Assert.Equal(string.Empty, settings["CapabilityBoundingSet"]);
    }

    [Fact]
    public async Task TheSysusersFileCreatesTheServiceUser()
    {
        var root = Path.Combine(Path.GetTempPath(), "peerd-sysusers-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        try
        {
            await using var sysusers = ChildProcess.Start("systemd-sysusers", [$"--root={root}", Path.Combine(layout.Tree, "lib", "sysusers.d", "peerd.conf")]);
            Assert.Equal(0, await sysusers.WaitForExitAsync());
            var passwd = await File.ReadAllLinesAsync(Path.Combine(root, "etc", "passwd"));
            var user = Assert.Single(passwd, l => l.StartsWith("peerd:", StringComparison.Ordinal)).Split(':');
            Assert.Equal(InstalledDataDirectory, user[5]);
            Assert.Equal("/usr/sbin/nologin", user[6]);
            Assert.Contains(await File.ReadAllLinesAsync(Path.Combine(root, "etc", "group")), l => l.StartsWith("peerd:", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task ThePublishedDaemonStartsFromTheUnitsCommandLineReloadsAndStops()
    {
        var settings = Settings(await File.ReadAllTextAsync(UnitPath));
        var data = Path.Combine(Path.GetTempPath(), "peerd-unit-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        var notifyPath = Path.Combine(data, "notify");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(notifyPath));

        // The operator's configuration, where the unit says it lives: loopback and a port the kernel picks.
        await File.WriteAllTextAsync(Path.Combine(data, "config"), "network=regtest\nbind-addr=127.0.0.1:0\nalias=unit-test\n");
        var environment = settings["Environment"].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        environment["NOTIFY_SOCKET"] = notifyPath;
        var command = Installed(settings["ExecStart"], data).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Path.Combine(layout.Tree, "bin", "peerd"), command[0]);

        try
        {
            await using var daemon = ChildProcess.Start(command[0], command[1..], workingDirectory: "/", environment: environment);
            Assert.Equal("READY=1", await ReceiveAsync(notify));
            await using (var rpc = await RpcClient.ConnectAsync(Path.Combine(data, "regtest", "lightning-rpc")))
            {
                var info = await rpc.ResultAsync("getinfo");
                Assert.Equal("unit-test", info["alias"]!.GetValue<string>());
                Assert.Equal(66, info["id"]!.GetValue<string>().Length);
            }

            var reload = Installed(settings["ExecReload"], data).Replace("$MAINPID", daemon.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries);
            await using (var kill = ChildProcess.Start(reload[0], reload[1..]))
            {
                Assert.Equal(0, await kill.WaitForExitAsync());
            }

            await daemon.WaitForLineAsync(l => l.Contains("Started log due to SIGHUP", StringComparison.Ordinal), "reload");
            Assert.False(daemon.HasExited);

            daemon.Signal(15);
            Assert.Equal("STOPPING=1", await ReceiveAsync(notify));
            Assert.Equal(0, await daemon.WaitForExitAsync());
            Assert.False(File.Exists(Path.Combine(data, "regtest", "lightning-rpc")));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The unit as installed under the layout's prefix instead of /opt/peerd.</summary>
    private async Task<string> InstalledUnitAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "peerd-" + Guid.NewGuid().ToString("N")[..12] + ".service");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(UnitPath)).Replace(InstalledPrefix, layout.Tree, StringComparison.Ordinal));
        return path;
    }

    private string Installed(string commandLine, string dataDirectory) => commandLine
        .Replace(InstalledPrefix, layout.Tree, StringComparison.Ordinal)
        .Replace(InstalledDataDirectory, dataDirectory, StringComparison.Ordinal);

    /// <summary>The unit's <c>Key=value</c> settings (each key once in our unit; comments and sections skipped).</summary>
    private static Dictionary<string, string> Settings(string unit) => unit.Split('\n')
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && l[0] is not ('#' or ';' or '['))
        .Select(l => l.Split('=', 2))
        .ToDictionary(p => p[0], p => p[1]);

    private static async Task<string> ReceiveAsync(Socket socket)
    {
        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(ChildProcess.Deadline);
        var length = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
