using Microsoft.Extensions.Logging;
using Peerd.Daemon.Configuration;

namespace Peerd.Daemon.Tests.Configuration;

public sealed class DaemonOptionsTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("peerd-opts-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void DefaultsAreTheEmbeddedOnes()
    {
        var options = DaemonOptions.Load([], _home);
        Assert.Equal(Path.Combine(_home, ".peerd"), options.LightningDir);
        Assert.Equal("bitcoin", options.Network.Name);
        Assert.Equal(Path.Combine(_home, ".peerd", "bitcoin", "lightning-rpc"), options.RpcFile);
        Assert.Empty(options.BindAddresses);
        Assert.Equal(LogLevel.Information, options.LogLevel);
        Assert.Equal(TimeSpan.FromSeconds(60), options.HandshakeTimeout);
    }

    [Fact]
    public void WithNoBitcoinOptionThereIsNoChainSource() => Assert.Null(DaemonOptions.Load([], _home).Bitcoind);

    [Theory]
    [InlineData("bitcoin", 8332, "")]
    [InlineData("testnet", 18332, "testnet3")]
    [InlineData("testnet4", 48332, "testnet4")]
    [InlineData("signet", 38332, "signet")]
    [InlineData("regtest", 18443, "regtest")]
    public void AnyBitcoinOptionTurnsTheCheckOnWithTheNetworksPortAndCookie(string network, int port, string subdirectory)
    {
        var bitcoind = DaemonOptions.Load([$"--network={network}", "--bitcoin-datadir=/srv/btc"], _home).Bitcoind!;
        Assert.Equal(("127.0.0.1", port, null, null), (bitcoind.Host, bitcoind.Port, bitcoind.User, bitcoind.Password));
        Assert.Equal(Path.Combine("/srv/btc", subdirectory, ".cookie"), bitcoind.CookieFile);
    }

    [Fact]
    public void UserAndPasswordReplaceTheCookieAndTheHostAndPortAreTaken()
    {
        var bitcoind = DaemonOptions.Load(["--bitcoin-rpcconnect=10.0.0.2", "--bitcoin-rpcport=1234", "--bitcoin-rpcuser=u", "--bitcoin-rpcpassword=p"], _home).Bitcoind!;
        Assert.Equal(new Peerd.Lightning.Chain.BitcoindOptions("10.0.0.2", 1234, "u", "p", null), bitcoind);
        Assert.Equal(Path.Combine(_home, ".bitcoin", ".cookie"), DaemonOptions.Load(["--bitcoin-rpcport=1"], _home).Bitcoind!.CookieFile);
    }

    [Theory]
    [InlineData("--bitcoin-rpcport=0", "bitcoin-rpcport: expected a port between 1 and 65535, not '0'")]
    [InlineData("--bitcoin-rpcport=65536", "bitcoin-rpcport: expected a port between 1 and 65535, not '65536'")]
    [InlineData("--bitcoin-rpcconnect=a b", "bitcoin-rpcconnect: 'a b' is not a host name or address")]
    public void ABadBitcoinOptionIsRefused(string argument, string message) =>
        Assert.Equal(message, Assert.Throws<OptionException>(() => DaemonOptions.Load([argument], _home)).Message);

    [Theory]
    [InlineData("127.0.0.1:9100", "127.0.0.1:9100")]
    [InlineData("[::1]:9100", "[::1]:9100")]
    [InlineData("0.0.0.0:0", "0.0.0.0:0")]
    public void MetricsAddressIsIpAndPort(string value, string endpoint)
    {
        Assert.Null(DaemonOptions.Load([], _home).MetricsEndpoint);
        Assert.Equal(endpoint, DaemonOptions.Load([$"--metrics-addr={value}"], _home).MetricsEndpoint!.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost:9100")]
    [InlineData("::1:9100")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:-1")]
    [InlineData(":9100")]
    public void MetricsAddressWithoutIpOrPortIsRefused(string value)
    {
        var e = Assert.Throws<OptionException>(() => DaemonOptions.Load([$"--metrics-addr={value}"], _home));
        Assert.Equal($"metrics-addr: expected ip:port or [v6]:port, not '{value}'", e.Message);
    }

    [Fact]
    public void MetricsAddressIsAConfigFileKey()
    {
        var dir = Path.Combine(_home, ".peerd");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "config"), "metrics-addr=127.0.0.1:9100\n");
        Assert.Equal("127.0.0.1:9100", DaemonOptions.Load([], _home).MetricsEndpoint!.ToString());
    }

    [Theory]
    [InlineData("--network=regtest", "regtest")]
    [InlineData("--regtest", "regtest")]
    [InlineData("--testnet4", "testnet4")]
    [InlineData("--signet", "signet")]
    [InlineData("--mainnet", "bitcoin")]
    public void NetworkComesFromEitherForm(string arg, string network)
    {
        Assert.Equal(network, DaemonOptions.Load([arg], _home).Network.Name);
    }

    [Fact]
    public void OptionsTakeValuesAfterEqualsOrAsTheNextArgument()
    {
        var options = DaemonOptions.Load(["--alias", "hello", "--bind-addr=127.0.0.1:1", "--bind-addr", "[::1]:2", "--log-level=io"], _home);
        Assert.Equal("hello", options.Alias);
        Assert.Equal(["127.0.0.1:1", "[::1]:2"], options.BindAddresses);
        Assert.Equal(LogLevel.Trace, options.LogLevel);
    }

    [Fact]
    public void ConfigFilesAreReadAndTheCommandLineWins()
    {
        var dir = Path.Combine(_home, "node");
        Directory.CreateDirectory(Path.Combine(dir, "regtest"));
        File.WriteAllText(Path.Combine(dir, "config"), "# a comment\nnetwork=regtest\nalias=from-config\nbind-addr=127.0.0.1:5\n");
        File.WriteAllText(Path.Combine(dir, "regtest", "config"), "rgb=ff0000\n");
        var options = DaemonOptions.Load([$"--lightning-dir={dir}", "--alias=from-cli"], _home);
        Assert.Equal("regtest", options.Network.Name);
        Assert.Equal("from-cli", options.Alias);
        Assert.Equal(["127.0.0.1:5"], options.BindAddresses);
        Assert.Equal([0xff, 0, 0], options.Color);
    }

    [Theory]
    [InlineData("--nonsense", "unrecognized option '--nonsense'")]
    [InlineData("--network=moon", "unknown network 'moon'")]
    [InlineData("--log-level=loud", "log-level: expected io, debug, info, unusual or broken, not 'loud'")]
    [InlineData("--rgb=12", "rgb: expected 6 hex digits, not '12'")]
    [InlineData("--handshake-timeout-secs=-1", "handshake-timeout-secs: expected a number of seconds")]
    [InlineData("stray", "unexpected argument 'stray'")]
    [InlineData("--alias", "option '--alias' requires an argument")]
    public void BadOptionsAreClearErrors(string arg, string message)
    {
        var e = Assert.Throws<OptionException>(() => DaemonOptions.Load([arg], _home));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XrplOptionsArePassedThrough()
    {
        var options = DaemonOptions.Load(["--xrpl", "--xrpl-peer-addr=127.0.0.1:0"], _home);
        Assert.Equal(["xrpl", "xrpl-peer-addr"], options.XrplOptions.Select(o => o.Key));
        Assert.Equal("127.0.0.1:0", options.XrplOptions[1].Value);
    }

    [Fact]
    public void AnUnknownConfigLineNamesTheFileAndLine()
    {
        var dir = Path.Combine(_home, "bad");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "config"), "alias=x\nwat=1\n");
        var e = Assert.Throws<OptionException>(() => DaemonOptions.Load([$"--lightning-dir={dir}"], _home));
        Assert.Contains("line 2: unrecognized option 'wat'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAHomeDirectoryTheDataDirectoryMustBeGiven()
    {
        var e = Assert.Throws<OptionException>(() => DaemonOptions.Load([], ""));
        Assert.Contains("--lightning-dir", e.Message, StringComparison.Ordinal);
        var dir = Path.Combine(_home, "given");
        Assert.Equal(dir, DaemonOptions.Load([$"--lightning-dir={dir}"], "").LightningDir);
    }
}
