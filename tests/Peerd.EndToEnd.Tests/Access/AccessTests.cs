using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Peerd.EndToEnd.Tests.Faults;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Primitives;
using Peerd.Xrpl.Hosting;
using Peerd.Xrpl.Protocol.Identity;

namespace Peerd.EndToEnd.Tests.Access;

/// <summary>
/// Who can reach what, against real daemons: the data directory is owner-only with secrets and the RPC socket 0600;
/// nothing secret reaches the log even at level io; the XRPL admin API refuses callers outside its allow-list or with
/// wrong credentials, binds to loopback unless told otherwise, and warns when it is exposed. (Also:
/// <c>DaemonLifecycleTests.TheNodeIdSurvivesAKillAndRestartAndTheKeyFileIsPrivate</c>, <c>RpcSocketTests.TheSocketIsOwnerOnly</c>,
/// <c>UnixSocketRpcServerTests.CreatesTheSocketFileWithMode0600</c>, <c>DataDirectoryTests</c>, and, in process,
/// <c>AdminAccessTests</c>: the credentials are compared as SHA-256 digests with <c>CryptographicOperations.FixedTimeEquals</c>.)
/// </summary>
public sealed partial class AccessTests
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private static readonly HttpClient Http = new() { Timeout = ChildProcess.Deadline };

    [Fact]
    public async Task EveryDirectoryIsOwnerOnlyAndEverySecretAndSocketIs0600()
    {
        await using var daemon = await StartWithXrplAsync();
        foreach (var directory in Directory.GetDirectories(daemon.Directory, "*", SearchOption.AllDirectories).Append(daemon.Directory))
        {
            Assert.True(File.GetUnixFileMode(directory) == OwnerOnlyDirectory, $"{directory} is {File.GetUnixFileMode(directory)}");
        }

        foreach (var secret in new[] { Path.Combine("regtest", "node_secret"), Path.Combine("regtest", "lightning-rpc"), Path.Combine("xrpl", "xrpl-node-seed") })
        {
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(daemon.Directory, secret)));
        }

        // Nothing in it is readable by others, whatever it is.
        foreach (var file in Directory.GetFiles(daemon.Directory, "*", SearchOption.AllDirectories))
        {
            Assert.True((File.GetUnixFileMode(file) & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.GroupWrite)) == 0, $"{file} is {File.GetUnixFileMode(file)}");
        }
    }

    [Fact]
    public async Task NothingSecretIsLoggedAtLogLevelIo()
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        await using var daemon = await StartWithXrplAsync("--log-level=io", "--xrpl-admin-user=operator", $"--xrpl-admin-password={password}");
        var nodeSecret = Hex.Encode(File.ReadAllBytes(Path.Combine(daemon.Directory, "regtest", "node_secret")));
        var seedText = File.ReadAllText(Path.Combine(daemon.Directory, "xrpl", "xrpl-node-seed")).Trim();
        Assert.True(FamilySeed.TryParse(seedText, out var seed));
        var admin = AdminUri(daemon);

        // Lightning: a peer connects and pings, a connect fails in its handshake, the RPC methods run.
        await using (var peer = await GoodPeer.ConnectAsync(daemon))
        {
            await GoodPeer.PingAsync(peer);
        }

        await using (var garbage = new FakeListener(FakeListener.Behaviour.Garbage))
        {
            await daemon.ConnectAsync(Hex.Encode(Peerd.Crypto.StaticKey.Generate().PublicKey), "127.0.0.1", garbage.Port);
        }

        await using (var rpc = await daemon.RpcAsync())
        {
            await rpc.ResultAsync("getinfo");
            await rpc.ResultAsync("listpeers");
            await rpc.ResultAsync("listnodes");
        }

        // XRPL: admin calls with right and wrong credentials, and a dial that fails.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, "server_info", "operator", password)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(admin, "peers", "operator", password + "x")).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, "connect", "operator", password, new JsonObject { ["ip"] = "127.0.0.1", ["port"] = 1, ["wait"] = true })).Status);

        daemon.Process.Signal(15);
        Assert.Equal(0, await daemon.Process.WaitForExitAsync());
        var log = daemon.ReadLog() + daemon.Process.StandardError;
        Assert.Contains(" IO ", log, StringComparison.Ordinal);
        foreach (var (what, secret) in new[]
        {
            ("node_secret", nodeSecret),
            ("node_secret (upper case)", nodeSecret.ToUpperInvariant()),
            ("XRPL seed", seedText),
            ("XRPL seed bytes", Hex.Encode(seed.Bytes)),
            ("XRPL admin password", password),
        })
        {
            Assert.False(log.Contains(secret, StringComparison.Ordinal), $"the log contains the {what}");
        }
    }

    [Fact]
    public async Task TheXrplAdminApiRefusesCallersOutsideTheAllowList()
    {
        await using var daemon = await StartWithXrplAsync("--xrpl-admin-allow=10.0.0.0/8");
        var admin = AdminUri(daemon);
        var (status, body) = await PostAsync(admin, "peers");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Forbidden", body.Trim());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, "ping")).Status);
    }

    [Fact]
    public async Task TheXrplAdminApiRefusesMissingOrWrongCredentials()
    {
        await using var daemon = await StartWithXrplAsync("--xrpl-admin-user=operator", "--xrpl-admin-password=correct horse");
        var admin = AdminUri(daemon);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(admin, "peers")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(admin, "peers", "operator", "wrong horse")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(admin, "peers", "someone", "correct horse")).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, "peers", "operator", "correct horse")).Status);
    }

    [Fact]
    public async Task TheXrplAdminApiListensOnLoopbackUnlessToldOtherwiseAndWarnsWhenExposed()
    {
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5005), XrplOptions.EnabledDefaults().AdminEndpoint);
        await using (var local = await StartWithXrplAsync())
        {
            Assert.Equal("127.0.0.1", AdminUri(local).Host);
            Assert.DoesNotContain("not a loopback address", local.ReadLog(), StringComparison.Ordinal);
        }

        await using var exposed = await StartWithXrplAsync("--xrpl-admin-addr=0.0.0.0:0");
        await LogAssert.ContainsAsync(exposed, "UNUSUAL", "XRPL admin API listens on 0.0.0.0:", "not a loopback address");
    }

    private static async Task<PeerdProcess> StartWithXrplAsync(params string[] options)
    {
        string[] xrpl = ["--xrpl", "--xrpl-peer-addr=127.0.0.1:0", .. options.Any(o => o.StartsWith("--xrpl-admin-addr", StringComparison.Ordinal)) ? Array.Empty<string>() : ["--xrpl-admin-addr=127.0.0.1:0"]];
        var daemon = await PeerdProcess.StartAsync(extraArguments: [.. xrpl, .. options.Where(o => o.StartsWith("--xrpl", StringComparison.Ordinal) || o.StartsWith("--log", StringComparison.Ordinal))]);
        await LogAssert.ContainsAsync(daemon, "XRPL node", "started");
        return daemon;
    }

    private static Uri AdminUri(PeerdProcess daemon)
    {
        var match = AdminPattern().Match(daemon.ReadLog());
        Assert.True(match.Success, "no XRPL start line in the log");
        var host = match.Groups[1].Value == "0.0.0.0" ? "127.0.0.1" : match.Groups[1].Value;
        return new Uri($"http://{host}:{match.Groups[2].Value}/");
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(Uri admin, string method, string? user = null, string? password = null, JsonObject? parameters = null)
    {
        parameters ??= [];
        if (user is not null)
        {
            parameters["admin_user"] = user;
            parameters["admin_password"] = password;
        }

        var request = new JsonObject { ["method"] = method, ["params"] = new JsonArray(parameters) };
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(admin, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("admin API ([0-9.]+):(\\d+)")]
    private static partial Regex AdminPattern();
}
