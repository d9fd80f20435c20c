using System.Text.Json;
using Peerd.Lightning.Rpc.Parameters;
using Peerd.ClnRpc;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.Lightning.Tests.Rpc.Parameters;

/// <summary>The parameter rows of the contract's connect table (contracts/cln-connect.md).</summary>
public class ConnectParametersTests
{
    private const ushort Mainnet = 9735;
    private const ushort Regtest = 19846;
    private static readonly string Id = TestKeys.PeerHex;

    public static TheoryData<string, string> SuccessfulForms() => new()
    {
        { "id@host:port", $"[\"{Id}@127.0.0.1:29736\"]" },
        { "id host port (array)", $"[\"{Id}\",\"127.0.0.1\",29736]" },
        { "named", $"{{\"id\":\"{Id}\",\"host\":\"127.0.0.1\",\"port\":29736}}" },
        { "named, other order (-k)", $"{{\"port\":29736,\"host\":\"127.0.0.1\",\"id\":\"{Id}\"}}" },
        { "port as a JSON string", $"[\"{Id}\",\"127.0.0.1\",\"29736\"]" },
        { "id@host and port parameter", $"[\"{Id}@127.0.0.1\",null,29736]" },
        { "uppercase hex id", $"[\"{Id.ToUpperInvariant()}@127.0.0.1:29736\"]" },
    };

    [Theory]
    [MemberData(nameof(SuccessfulForms))]
    public void AcceptsEveryFormOfIdHostAndPort(string form, string parameters)
    {
        var target = Parse(parameters);

        Assert.Equal(TestKeys.Peer, target.NodeId.Bytes.ToArray());
        Assert.Equal(new HostAddress(HostKind.IPv4, "127.0.0.1", 29736), target.Address);
        Assert.Equal("127.0.0.1", target.Host);
        Assert.False(string.IsNullOrEmpty(form));
    }

    [Theory]
    [InlineData(Mainnet)]
    [InlineData(Regtest)]
    public void UsesTheNetworksDefaultPortWhenNoneIsGiven(ushort defaultPort)
    {
        var target = Parse($"[\"{Id}@127.0.0.1\"]", defaultPort);

        Assert.Equal(defaultPort, target.Address!.Port);
        Assert.Equal(defaultPort, target.RequestedPort);
    }

    [Fact]
    public void AcceptsAnIdAlone()
    {
        var target = Parse($"{{\"id\":\"{Id}\"}}");

        Assert.Equal(HostKind.None, target.HostKind);
        Assert.Null(target.Host);
        Assert.Null(target.Address);
    }

    [Fact]
    public void ReadsIPv6InBrackets()
    {
        Assert.Equal(new HostAddress(HostKind.IPv6, "::1", 29736), Parse($"[\"{Id}@[::1]:29736\"]").Address);
    }

    [Fact]
    public void MapsLocalhostWithoutDns()
    {
        Assert.Equal(new HostAddress(HostKind.IPv4, "127.0.0.1", 29736), Parse($"[\"{Id}@localhost:29736\"]").Address);
    }

    [Fact]
    public void LeavesOtherNamesForTheCallerToResolve()
    {
        var target = Parse($"[\"{Id}@node.example.com:9736\"]");

        Assert.Equal(new HostAddress(HostKind.DnsName, "node.example.com", 9736), target.Address);
        Assert.Equal(
            new RpcError(-1, "Host node.example.com:9736 not valid: Name or service not known"),
            target.HostNotValid("Name or service not known"));
    }

    [Fact]
    public void LetsAPortInsideTheHostParameterOverrideThePortParameter()
    {
        var target = Parse($"[\"{Id}\",\"1.2.3.4:5555\",29736]");

        Assert.Equal(5555, target.Address!.Port);
        Assert.Equal(29736, target.RequestedPort);
    }

    [Theory]
    [InlineData("short", "\"02abcd\"")]
    [InlineData("non-hex", "\"zz\"")]
    [InlineData("66 non-hex", "\"0g1111111111111111111111111111111111111111111111111111111111111111\"")]
    [InlineData("not on the curve", "\"020000000000000000000000000000000000000000000000000000000000000007\"")]
    [InlineData("04 prefix", "\"041111111111111111111111111111111111111111111111111111111111111111\"")]
    [InlineData("empty string", "\"\"")]
    [InlineData("a JSON number", "123")]
    [InlineData("JSON null (named)", "null")]
    [InlineData("malformed id before a malformed @part", "\"02ab@[::1\"")]
    [InlineData("malformed id with a good @part", "\"02ab@127.0.0.1:9735\"")]
    public void RefusesAMalformedIdBeforeLookingAtTheHost(string why, string id)
    {
        AssertError(-32602, "id: should be a node id: invalid token (see logs for details)", $"{{\"id\":{id}}}");
        Assert.False(string.IsNullOrEmpty(why));
    }

    [Fact]
    public void RefusesAMissingId()
    {
        AssertError(-32602, "missing required parameter: id", "{\"host\":\"127.0.0.1\"}");
        AssertError(-32602, "missing required parameter: id", "[]");
        AssertError(-32602, "missing required parameter: id", "[null,\"127.0.0.1\"]");
    }

    [Theory]
    [InlineData("@127.0.0.1:0")]
    [InlineData("@[::1")]
    [InlineData("@[::1]:0")]
    [InlineData("@127.0.0.1:99999")]
    [InlineData("@127.0.0.1:65536")]
    [InlineData("@127.0.0.1:-1")]
    [InlineData("@127.0.0.1:9735x")]
    [InlineData("@[::1]:")]
    public void RefusesAMalformedAtPartInsteadOfWrappingThePort(string suffix)
    {
        AssertError(-32602, "malformed host @part", $"[\"{Id}{suffix}\"]");
    }

    [Theory]
    [InlineData("0", "port: should be non-zero: invalid token (see logs for details)")]
    [InlineData("\"0\"", "port: should be non-zero: invalid token (see logs for details)")]
    [InlineData("\"abc\"", "port: should be a 16-bit integer: invalid token (see logs for details)")]
    [InlineData("65536", "port: should be a 16-bit integer: invalid token (see logs for details)")]
    [InlineData("-1", "port: should be a 16-bit integer: invalid token (see logs for details)")]
    [InlineData("9735.0", "port: should be a 16-bit integer: invalid token (see logs for details)")]
    [InlineData("true", "port: should be a 16-bit integer: invalid token (see logs for details)")]
    public void RefusesABadSeparatePort(string port, string message)
    {
        AssertError(-32602, message, $"[\"{Id}\",\"127.0.0.1\",{port}]");
    }

    [Fact]
    public void RefusesAPortWithoutAHost()
    {
        AssertError(-32602, "Can't specify port without host", $"{{\"id\":\"{Id}\",\"port\":9735}}");
    }

    [Theory]
    [InlineData("{\"id\":\"ID@1.2.3.4\",\"host\":\"5.6.7.8\"}")]
    [InlineData("{\"host\":\"5.6.7.8\",\"id\":\"ID@1.2.3.4\"}")]
    [InlineData("[\"ID@1.2.3.4\",\"5.6.7.8\"]")]
    public void RefusesAHostGivenTwiceWhateverTheOrder(string parameters)
    {
        AssertError(-32602, "Can't specify host as both xxx@yyy and separate argument", parameters.Replace("ID", Id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"id\":\"ID@1.2.3.4:1\",\"port\":2}")]
    [InlineData("{\"port\":2,\"id\":\"ID@1.2.3.4:1\"}")]
    [InlineData("[\"ID@1.2.3.4:1\",null,2]")]
    public void RefusesAPortGivenTwiceWhateverTheOrder(string parameters)
    {
        AssertError(-32602, "Can't specify port as both xxx@yyy:port and separate argument", parameters.Replace("ID", Id, StringComparison.Ordinal));
    }

    [Fact]
    public void RefusesAnUnknownNamedParameter()
    {
        AssertError(
            -32602,
            "unknown parameter: foo, this may be caused by a failure to autodetect key=value-style parameters. Please try using the -k flag and explicit key=value pairs of parameters.",
            $"{{\"id\":\"{Id}\",\"foo\":1}}");
    }

    [Fact]
    public void RefusesFourPositionalParameters()
    {
        AssertError(-32602, "too many parameters: got 4, expected 3", $"[\"{Id}\",\"127.0.0.1\",9735,1]");
    }

    [Fact]
    public void ReportsErrorsInTheOrderTheValuesAppearAsCoreLightningDoes()
    {
        AssertError(-32602, "id: should be a node id: invalid token (see logs for details)", "{\"id\":\"bad\",\"foo\":1}");
        AssertError(-32602, "port: should be non-zero: invalid token (see logs for details)", "{\"port\":0,\"id\":\"bad\"}");
        AssertError(-32602, "Can't specify port as both xxx@yyy:port and separate argument", $"{{\"id\":\"{Id}@h:1\",\"port\":0}}");
        AssertError(-32602, "id: should be a node id: invalid token (see logs for details)", "[\"bad\",null,0,4]");
    }

    [Fact]
    public void RefusesOurOwnNodeIdBeforeDialling()
    {
        AssertError(-32602, "id: cannot connect to our own node id", $"[\"{TestKeys.OursHex}@127.0.0.1:9735\"]");
        AssertError(-32602, "id: cannot connect to our own node id", $"[\"{TestKeys.OursHex}\"]");
    }

    [Theory]
    [InlineData("abcdefghijklmnop.onion", "Host abcdefghijklmnop.onion:9735 not valid: Invalid Tor address")]
    [InlineData("", "Host :9735 not a simple type")]
    public void RefusesHostsThatCannotBeDialledWithMinusOne(string host, string message)
    {
        AssertError(-1, message, $"[\"{Id}\",\"{host}\"]");
    }

    [Fact]
    public void RefusesASocketPathOf108BytesButNot107()
    {
        var tooLong = "/tmp/" + new string('x', 103);
        var longest = "/tmp/" + new string('x', 102);

        AssertError(-1, $"Host {tooLong}:9735 not valid: Socket name too long", $"[\"{Id}\",\"{tooLong}\"]");
        Assert.Equal(HostKind.LocalSocket, Parse($"[\"{Id}\",\"{longest}\"]").HostKind);
    }

    [Fact]
    public void ReportsTheHostErrorWithThePortOfThePortParameter()
    {
        AssertError(-1, "Host bad.onion:1234 not valid: Invalid Tor address", $"[\"{Id}@bad.onion:1234\"]");
    }

    [Fact]
    public void AcceptsALocalSocketPathAndIgnoresAnyPort()
    {
        var target = Parse($"[\"{Id}\",\"/tmp/peer.sock\",1234]");

        Assert.Equal(HostKind.LocalSocket, target.HostKind);
        Assert.Equal("/tmp/peer.sock", target.Address!.Address);
    }

    [Fact]
    public void OverloadOverSeparateValuesChecksInPositionalOrder()
    {
        using var doc = JsonDocument.Parse($"[\"{Id}@1.2.3.4:1\", 0]");
        var ok = ConnectParameters.TryParse(doc.RootElement[0], null, doc.RootElement[1], Mainnet, default, out _, out var error);

        Assert.False(ok);
        Assert.Equal("Can't specify port as both xxx@yyy:port and separate argument", error.Message);
        Assert.False(ConnectParameters.TryParse(null, null, null, Mainnet, default, out _, out error));
        Assert.Equal("missing required parameter: id", error.Message);
    }

    private static ConnectTarget Parse(string parameters, ushort defaultPort = Mainnet)
    {
        var ok = ConnectParameters.TryParse(Bind(parameters), defaultPort, TestKeys.Ours, out var target, out var error);
        Assert.True(ok, error?.Message);
        return target;
    }

    private static void AssertError(int code, string message, string parameters)
    {
        var ok = ConnectParameters.TryParse(Bind(parameters), Mainnet, TestKeys.Ours, out _, out var error);

        Assert.False(ok);
        Assert.Equal(new RpcError(code, message), error);
    }

    private static RpcParameters Bind(string parameters) =>
        RpcParameterBinder.Bind(ConnectParameters.Spec, JsonDocument.Parse(parameters).RootElement);
}
