using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Peerd.Lightning.Chain;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Primitives;

namespace Peerd.Lightning.Tests.Chain;

/// <summary>
/// The bitcoind client and lookup against <see cref="TestBitcoind"/>, a JSON-RPC server over real HTTP started by each
/// test (a real bitcoind cannot run on this machine).
/// </summary>
public sealed class BitcoindChainSourceTests
{
    private const string Txid0 = "1111111111111111111111111111111111111111111111111111111111111111";
    private const string Txid1 = "8984484a580b825b9972d7adb15050b3ab624ccd731946b3eeddb92f4e7ef6be";

    // BOLT 3 Appendix B's funding output (10000000 satoshis).
    private static readonly byte[] Script = Hex.Decode("0020c015c4a6be010e21657068fc2e6a9d02b27ebe4d490a25846f7237f104d1a3cd");

    [Fact]
    public async Task AnUnspentOutputIsFoundWithItsScriptAndExactValue()
    {
        await using var bitcoind = Chain();
        using var source = Source(bitcoind);

        var lookup = await source.LookupAsync(ShortChannelId.From(700_000, 1, 0), CancellationToken.None);

        Assert.Equal(ChainLookupStatus.Unspent, lookup.Status);
        Assert.Equal(Script, lookup.Output!.ScriptPubKey);
        Assert.Equal(10_000_000L, lookup.Output.Satoshis);
    }

    [Fact]
    public async Task ASpentOrMissingOutputABlockPastTheTipAndATransactionIndexPastTheBlockAreMissingWithTheirReasons()
    {
        await using var bitcoind = Chain();
        using var source = Source(bitcoind);

        var spent = await source.LookupAsync(ShortChannelId.From(700_000, 1, 1), CancellationToken.None);
        var future = await source.LookupAsync(ShortChannelId.From(900_000, 1, 0), CancellationToken.None);
        var index = await source.LookupAsync(ShortChannelId.From(700_000, 2, 0), CancellationToken.None);

        Assert.Equal((ChainLookupStatus.Missing, $"output {Txid1}:1 is spent or does not exist"), (spent.Status, spent.Reason));
        Assert.Equal((ChainLookupStatus.Missing, "block 900000 is not in bitcoind's chain"), (future.Status, future.Reason));
        Assert.Equal((ChainLookupStatus.Missing, "block 700000 has 2 transactions, none at index 2"), (index.Status, index.Reason));
    }

    [Fact]
    public async Task ABlocksTxidListIsFetchedOnceForManyLookups()
    {
        await using var bitcoind = Chain();
        using var source = Source(bitcoind);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => source.LookupAsync(ShortChannelId.From(700_000, 1, 0), CancellationToken.None)));

        Assert.Equal(1, bitcoind.Calls["getblock"]);
        Assert.Equal(5, bitcoind.Calls["gettxout"]);
    }

    [Fact]
    public async Task TheCookieFileAuthenticatesAndIsReadAtEachCall()
    {
        await using var bitcoind = Chain();
        var dir = Directory.CreateTempSubdirectory("peerd-cookie-");
        try
        {
            var cookie = BitcoindOptions.CookiePath(dir.FullName, Protocol.Chains.LightningNetwork.Regtest);
            Directory.CreateDirectory(Path.GetDirectoryName(cookie)!);
            bitcoind.Credentials = "__cookie__:first";
            await File.WriteAllTextAsync(cookie, "__cookie__:first");
            using var source = new BitcoindChainSource(new BitcoindRpc(new BitcoindOptions("127.0.0.1", bitcoind.Port, null, null, cookie)));
            Assert.Equal(ChainLookupStatus.Unspent, (await source.LookupAsync(ShortChannelId.From(700_000, 1, 0), CancellationToken.None)).Status);

            bitcoind.Credentials = "__cookie__:restarted"; // bitcoind restarted and wrote a new cookie
            await File.WriteAllTextAsync(cookie, "__cookie__:restarted\n");
            Assert.Equal(ChainLookupStatus.Unspent, (await source.LookupAsync(ShortChannelId.From(700_000, 1, 0), CancellationToken.None)).Status);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AMissingCookieFileIsUnavailableWithWhereItWasLookedFor()
    {
        await using var bitcoind = Chain();
        var cookie = Path.Combine(Path.GetTempPath(), $"peerd-no-cookie-{Guid.NewGuid():N}", ".cookie");
        using var source = new BitcoindChainSource(new BitcoindRpc(new BitcoindOptions("127.0.0.1", bitcoind.Port, null, null, cookie)));

        var lookup = await source.LookupAsync(ShortChannelId.From(700_000, 1, 0), CancellationToken.None);

        Assert.Equal(ChainLookupStatus.Unavailable, lookup.Status);
        Assert.StartsWith($"bitcoind's cookie file {cookie} cannot be read", lookup.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerOverTheBoundIsNotReadWhole()
    {
        await using var bitcoind = Chain();
        bitcoind.Padding = BitcoindRpc.MaxResponseBytes + 1;
        using var source = Source(bitcoind);

        var lookup = await source.LookupAsync(ShortChannelId.From(700_000, 1, 0), CancellationToken.None);

        Assert.Equal(ChainLookupStatus.Unavailable, lookup.Status);
        Assert.Contains("getblockhash failed", lookup.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongCredentialsAreUnavailableWithWhatToCheck()
    {
        await using var bitcoind = Chain();
        using var source = new BitcoindChainSource(new BitcoindRpc(new BitcoindOptions("127.0.0.1", bitcoind.Port, "user", "wrong", null)));

        var lookup = await source.LookupAsync(ShortChannelId.From(700_000, 1, 0), CancellationToken.None);

        Assert.Equal(ChainLookupStatus.Unavailable, lookup.Status);
        Assert.Contains("refused the credentials (HTTP 401)", lookup.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHungBitcoindIsUnavailableAtTheCallsDeadline()
    {
        await using var bitcoind = Chain();
        bitcoind.Hang = true;
        using var source = new BitcoindChainSource(new BitcoindRpc(new BitcoindOptions("127.0.0.1", bitcoind.Port, "user", "secret", null), TimeSpan.FromMilliseconds(300)));

        var started = Stopwatch.GetTimestamp();
        var lookup = await source.LookupAsync(ShortChannelId.From(700_000, 1, 0), CancellationToken.None);

        Assert.Equal(ChainLookupStatus.Unavailable, lookup.Status);
        Assert.Contains("did not answer getblockhash within 0.3 s", lookup.Reason, StringComparison.Ordinal);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task NoBitcoindListeningIsUnavailable()
    {
        using var source = new BitcoindChainSource(new BitcoindRpc(new BitcoindOptions("127.0.0.1", ClosedPort(), "user", "secret", null), TimeSpan.FromSeconds(5)));

        var lookup = await source.LookupAsync(ShortChannelId.From(700_000, 1, 0), CancellationToken.None);

        Assert.Equal(ChainLookupStatus.Unavailable, lookup.Status);
        Assert.Contains("getblockhash failed", lookup.Reason, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on (bound then released).</summary>
    internal static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static TestBitcoind Chain()
    {
        var bitcoind = new TestBitcoind();
        bitcoind.AddBlock(700_000, Txid0, Txid1);
        bitcoind.AddUnspent(Txid1, 0, Script, "0.10000000");
        return bitcoind;
    }

    private static BitcoindChainSource Source(TestBitcoind bitcoind) =>
        new(new BitcoindRpc(new BitcoindOptions("127.0.0.1", bitcoind.Port, "user", "secret", null), TimeSpan.FromSeconds(10)));
}
