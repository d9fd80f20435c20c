using Peerd.Cli.Tests.Support;
using Peerd.TestKit;

namespace Peerd.Cli.Tests.Lightning;

/// <summary>
/// Every option of <c>peerd-cli</c>, in both modes, with an empty, a missing, a malformed and an out-of-range value:
/// each gets one line on stderr and its documented exit code (3 for a usage error, 2 when the value is usable but no
/// daemon answers there), never a stack trace. No daemon runs in the temporary home.
/// </summary>
public sealed class OptionWalkTests : IDisposable
{
    private readonly TempDirectory _home = new();

    public static TheoryData<string[], int> Cases()
    {
        var longName = new string('d', 300);
        return new TheoryData<string[], int>
        {
            { ["--lightning-dir=", "getinfo"], 3 },
            { ["getinfo", "--lightning-dir"], 3 },
            { ["--lightning-dir=/nonexistent\u0001dir", "getinfo"], 2 },
            { ["--lightning-dir=/" + longName, "getinfo"], 2 },
            { ["--lightning-dir=/a\0b", "getinfo"], 3 },
            { ["--network=", "getinfo"], 3 },
            { ["getinfo", "--network"], 3 },
            { ["--network=foo", "getinfo"], 3 },
            { ["--network=regtest", "getinfo"], 2 },
            { ["--rpc-file=", "getinfo"], 3 },
            { ["getinfo", "--rpc-file"], 3 },
            { ["--rpc-file=relative/sock", "getinfo"], 2 },
            { ["--rpc-file=/" + longName, "getinfo"], 2 },
            { ["--conf=", "getinfo"], 3 },
            { ["getinfo", "--conf"], 3 },
            { ["--conf=/nonexistent/config", "getinfo"], 3 },
            { ["--conf=/", "getinfo"], 3 },
            { ["--notifications=", "getinfo"], 3 },
            { ["-N", "", "getinfo"], 3 },
            { ["getinfo", "-N"], 3 },
            { ["-Nloud", "getinfo"], 3 },
            { ["-N", "io", "getinfo"], 2 },
            { ["--filter=", "getinfo"], 3 },
            { ["getinfo", "--filter"], 3 },
            { ["-l", "{", "getinfo"], 3 },
            { ["-l", "[1]", "getinfo"], 2 },
            { ["--help=1"], 3 },
            { ["--version=x"], 3 },
            { ["--json=", "getinfo"], 3 },
            { ["--regtest=1", "getinfo"], 3 },
            { ["--testnet4=", "getinfo"], 3 },
            { ["-Z", "getinfo"], 3 },
            { ["--bogus", "getinfo"], 3 },
            { ["-k", "connect", "novalue"], 3 },
            { ["xrpl", "--xrpl-admin-addr=", "server_info"], 3 },
            { ["xrpl", "--xrpl-admin-addr"], 3 },
            { ["xrpl", "--xrpl-admin-addr=127.0.0.1:x", "server_info"], 3 },
            { ["xrpl", "--xrpl-admin-addr=127.0.0.1:99999", "server_info"], 3 },
            { ["xrpl", "--xrpl-admin-addr=127.0.0.1:1", "--xrpl-admin-user"], 3 },
            { ["xrpl", "--xrpl-admin-addr=127.0.0.1:1", "--xrpl-admin-password=", "server_info"], 2 },
            { ["xrpl", "--xrpl-bogus=1", "server_info"], 3 },
            { ["xrpl", "--xrpl-admin-addr=127.0.0.1:1", "server_info"], 2 },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryBadValueGetsOneLineAndItsExitCode(string[] args, int exit)
    {
        var (code, _, stderr) = CliRun.Run(_home.Path, args);

        Assert.True(code == exit, $"exit {code}, expected {exit}: {stderr}");
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1 && lines[0].StartsWith("peerd-cli: ", StringComparison.Ordinal), $"stderr: {stderr}");
    }

    public void Dispose() => _home.Dispose();
}
