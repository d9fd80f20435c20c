using System.Globalization;
using System.Text.RegularExpressions;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>Starting a <c>peerd --xrpl</c> daemon on loopback and reading its XRPL endpoints from its log.</summary>
public static partial class XrplDaemon
{
    /// <summary>The XRPL node on, its peer port and admin API on loopback ports the kernel picks.</summary>
    public static readonly string[] Arguments = ["--xrpl", "--xrpl-peer-addr=127.0.0.1:0", "--xrpl-admin-addr=127.0.0.1:0"];

    /// <summary>The node's public key and its bound peer and admin ports, from the "XRPL node … started" line.</summary>
    public static async Task<(string Key, int PeerPort, int AdminPort)> EndpointsAsync(PeerdProcess daemon)
    {
        var line = await LogAssert.ContainsAsync(daemon, "XRPL node n", "started: peer port");
        var match = StartedLine().Match(line);
        Assert.True(match.Success, line);
        return (match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"XRPL node (n\w+) started: peer port 127\.0\.0\.1:(\d+), admin API 127\.0\.0\.1:(\d+)")]
    private static partial Regex StartedLine();
}
