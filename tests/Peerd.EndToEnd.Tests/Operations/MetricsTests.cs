using Peerd.TestKit;
using System.Text.Json.Nodes;
using Peerd.Crypto;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.EndToEnd.Tests.Operations;

/// <summary>
/// <c>--metrics-addr</c> as a Prometheus server meets it: <c>curl</c> scrapes the endpoint of a running daemon before
/// and during real traffic (an outbound connect to another Peerd node, an inbound peer that pings), the Prometheus
/// project's own text parser (<c>prometheus_client.parser</c>, Debian's python3-prometheus-client) reads each page, and
/// the counters, gauges and the connect-latency histogram have moved between the two scrapes; the same for an XRPL
/// connect between two Peerd nodes.
/// </summary>
public sealed class MetricsTests
{
    private const int Pings = 5;

    [Fact]
    public async Task CountersMoveBetweenTwoScrapesAndThePageParses()
    {
        await using var metered = await PeerdProcess.StartAsync(extraArguments: ["--metrics-addr=127.0.0.1:0"]);
        await using var other = await PeerdProcess.StartAsync();
        var url = await UrlAsync(metered);
        var before = await ScrapeAsync(url);
        Assert.Equal(0, Value(before, "peerd_peers", ("network", "lightning"), ("direction", "outbound")));

        // Traffic: an outbound connect between two Peerd nodes, and an inbound peer that pings.
        var connected = await metered.ConnectAsync(other.NodeId, "127.0.0.1", other.Port);
        Assert.Equal(other.NodeId, connected["result"]!["id"]!.GetValue<string>());
        await using var client = await RawLightningClient.ConnectAsync(metered.Port, StaticKey.Generate());
        await client.HandshakeAsync(metered.NodeId);
        await client.SendInitAsync(LightningNetwork.Regtest);
        await client.ReadMessageOfTypeAsync(MessageType.Init);
        for (var i = 0; i < Pings; i++)
        {
            await client.SendMessageAsync(new PingMessage(4).ToArray());
            await client.ReadMessageOfTypeAsync(MessageType.Pong);
        }

        var during = await ScrapeAsync(url);

        // The families have the types Prometheus reads them as.
        Assert.Equal("counter", Family(during, "peerd_connects"));
        Assert.Equal("counter", Family(during, "peerd_handshakes"));
        Assert.Equal("counter", Family(during, "peerd_peer_messages"));
        Assert.Equal("counter", Family(during, "peerd_peer_io_bytes"));
        Assert.Equal("histogram", Family(during, "peerd_connect_duration_seconds"));
        Assert.Equal("gauge", Family(during, "peerd_peers"));
        Assert.Equal("gauge", Family(during, "peerd_peer_sockets_limit"));

        // Counters moved by what happened between the scrapes.
        Assert.True(Moved(before, during, "peerd_connects_total", ("network", "lightning"), ("outcome", "success")) >= 1);
        Assert.True(Moved(before, during, "peerd_handshakes_total", ("network", "lightning"), ("direction", "outbound"), ("outcome", "success")) >= 1);
        Assert.True(Moved(before, during, "peerd_handshakes_total", ("network", "lightning"), ("direction", "inbound"), ("outcome", "success")) >= 1);
        Assert.True(Moved(before, during, "peerd_peer_messages_total", ("network", "lightning"), ("direction", "receive"), ("type", "ping")) >= Pings);
        Assert.True(Moved(before, during, "peerd_peer_messages_total", ("network", "lightning"), ("direction", "transmit"), ("type", "pong")) >= Pings);
        Assert.True(Moved(before, during, "peerd_peer_messages_total", ("network", "lightning"), ("direction", "receive"), ("type", "init")) >= 2);
        Assert.True(Moved(before, during, "peerd_peer_io_bytes_total", ("network", "lightning"), ("direction", "receive"), ("type", "ping")) >= Pings * 6);

        // The connect's latency is in the histogram, its +Inf bucket equal to its count.
        var count = Moved(before, during, "peerd_connect_duration_seconds_count", ("network", "lightning"), ("outcome", "success"));
        Assert.True(count >= 1);
        Assert.Equal(
            Value(during, "peerd_connect_duration_seconds_count", ("network", "lightning"), ("outcome", "success")),
            Value(during, "peerd_connect_duration_seconds_bucket", ("network", "lightning"), ("outcome", "success"), ("le", "+Inf")));
        Assert.True(Value(during, "peerd_connect_duration_seconds_sum", ("network", "lightning"), ("outcome", "success")) > 0);

        // Gauges: one peer each way, their sockets within the budget.
        Assert.Equal(1, Value(during, "peerd_peers", ("network", "lightning"), ("direction", "outbound")));
        Assert.Equal(1, Value(during, "peerd_peers", ("network", "lightning"), ("direction", "inbound")));
        Assert.True(Value(during, "peerd_peer_sockets_usage", ("network", "lightning")) >= 2);
        Assert.True(Value(during, "peerd_peer_sockets_limit", ("network", "lightning")) > Value(during, "peerd_peer_sockets_usage", ("network", "lightning")));
    }

    [Fact]
    public async Task XrplConnectsHandshakesAndMessagesAreCounted()
    {
        await using var metered = await PeerdProcess.StartAsync(extraArguments: [.. XrplDaemon.Arguments, "--xrpl-ping-interval=2", "--metrics-addr=127.0.0.1:0"]);
        await using var other = await PeerdProcess.StartAsync(extraArguments: XrplDaemon.Arguments);
        var url = await UrlAsync(metered);
        var (_, _, admin) = await XrplDaemon.EndpointsAsync(metered);
        var (_, peerPort, _) = await XrplDaemon.EndpointsAsync(other);
        var before = await ScrapeAsync(url);

        using var http = new HttpClient();
        var body = new StringContent($"{{\"method\":\"connect\",\"params\":[{{\"ip\":\"127.0.0.1\",\"port\":{peerPort},\"wait\":true}}]}}");
        var reply = await (await http.PostAsync(new Uri($"http://127.0.0.1:{admin}/"), body)).Content.ReadAsStringAsync();
        Assert.Contains("\"success\"", reply, StringComparison.Ordinal);

        // The first ping leaves within the ping interval: scrape until it has been counted.
        var during = await Eventually.ValueAsync(
            async () =>
            {
                var page = await ScrapeAsync(url);
                return Value(page, "peerd_peer_messages_total", ("network", "xrpl"), ("direction", "transmit"), ("type", "mtPING")) > 0 ? page : null;
            },
            "the XRPL peer's first ping counted");

        Assert.True(Moved(before, during, "peerd_peer_messages_total", ("network", "xrpl"), ("direction", "transmit"), ("type", "mtPING")) >= 1);
        Assert.True(Moved(before, during, "peerd_peer_io_bytes_total", ("network", "xrpl"), ("direction", "transmit"), ("type", "mtPING")) >= 6);
        Assert.True(Moved(before, during, "peerd_connects_total", ("network", "xrpl"), ("outcome", "success")) >= 1);
        Assert.True(Moved(before, during, "peerd_handshakes_total", ("network", "xrpl"), ("direction", "outbound"), ("outcome", "success")) >= 1);
        Assert.True(Moved(before, during, "peerd_connect_duration_seconds_count", ("network", "xrpl"), ("outcome", "success")) >= 1);
        Assert.Equal(1, Value(during, "peerd_peers", ("network", "xrpl"), ("direction", "outbound")));
        Assert.True(Value(during, "peerd_peer_sockets_limit", ("network", "xrpl")) > 0);
    }

    [Fact]
    public async Task WithoutTheOptionNothingListens()
    {
        await using var daemon = await PeerdProcess.StartAsync();
        await LogAssert.ContainsAsync(daemon, "Listening on");
        Assert.DoesNotContain("Serving metrics", daemon.ReadLog(), StringComparison.Ordinal);
    }

    /// <summary>The scrape URL, from the daemon's log line (the port was 0: any free one).</summary>
    private static async Task<string> UrlAsync(PeerdProcess daemon)
    {
        var line = await LogAssert.ContainsAsync(daemon, "Serving metrics at http://127.0.0.1:");
        return line[line.IndexOf("http://", StringComparison.Ordinal)..].Trim();
    }

    /// <summary>curl, piped into the Prometheus text parser; the samples it read.</summary>
    private static async Task<JsonArray> ScrapeAsync(string url)
    {
        var parser = Path.Combine(RepoPaths.Root, "tests", "Peerd.EndToEnd.Tests", "Operations", "parse_exposition.py");
        await using var scrape = ChildProcess.Start("bash", ["-c", "set -o pipefail; curl -sS --fail \"$0\" | /usr/bin/python3 \"$1\"", url, parser]);
        var json = await scrape.WaitForLineAsync(l => l.StartsWith('['), "parsed exposition");
        Assert.Equal(0, await scrape.WaitForExitAsync());
        return JsonNode.Parse(json)!.AsArray();
    }

    private static string Family(JsonArray samples, string family) =>
        samples.First(s => s!["family"]!.GetValue<string>() == family)!["type"]!.GetValue<string>();

    /// <summary>The value of the sample with this name and these labels (others ignored); 0 when absent.</summary>
    private static double Value(JsonArray samples, string name, params (string Key, string Value)[] labels)
    {
        var matches = samples.Where(s => s!["name"]!.GetValue<string>() == name
            && labels.All(l => s["labels"]![l.Key]?.GetValue<string>() == l.Value)).ToList();
        Assert.True(matches.Count <= 1, $"{matches.Count} samples of {name} match");
        return matches.Count == 0 ? 0 : matches[0]!["value"]!.GetValue<double>();
    }

    private static double Moved(JsonArray before, JsonArray after, string name, params (string Key, string Value)[] labels) =>
        Value(after, name, labels) - Value(before, name, labels);
}
