using Peerd.Lightning.Rpc.Parameters;
using Peerd.ClnRpc;

namespace Peerd.Lightning.Tests.Rpc.Parameters;

/// <summary>Core Lightning's <c>parse_wireaddr_internal</c>, as far as it goes without DNS.</summary>
public class HostValidatorTests
{
    private const string TorV3 = "vww6ybal4bd7szmgncyruucpgfkqahzddi37ktceo3ah7ngmcopnpyyd";

    [Theory]
    [InlineData("127.0.0.1", HostKind.IPv4, "127.0.0.1", 9735)]
    [InlineData("localhost", HostKind.IPv4, "127.0.0.1", 9735)]
    [InlineData("localhost:1234", HostKind.IPv4, "127.0.0.1", 1234)]
    [InlineData("ip6-localhost", HostKind.IPv6, "::1", 9735)]
    [InlineData("::1", HostKind.IPv6, "::1", 9735)]
    [InlineData("2001:0db8:0:0:0:0:0:0001", HostKind.IPv6, "2001:db8::1", 9735)]
    [InlineData("[2001:db8::1]:9000", HostKind.IPv6, "2001:db8::1", 9000)]
    [InlineData("2001:db8::1:9000", HostKind.IPv6, "2001:db8::1:9000", 9735)]
    [InlineData("example.com", HostKind.DnsName, "example.com", 9735)]
    [InlineData("example.com:9001", HostKind.DnsName, "example.com", 9001)]
    [InlineData("1.2.3", HostKind.DnsName, "1.2.3", 9735)]
    [InlineData(TorV3 + ".onion", HostKind.Onion, TorV3 + ".onion", 9735)]
    [InlineData(TorV3 + ".onion:9736", HostKind.Onion, TorV3 + ".onion", 9736)]
    [InlineData("/tmp/l1.sock", HostKind.LocalSocket, "/tmp/l1.sock", 9735)]
    public void RecognisesEachKindOfHost(string host, HostKind kind, string address, int port)
    {
        Assert.True(HostValidator.TryValidate(host, 9735, out var result, out _));
        Assert.Equal(new HostAddress(kind, address, (ushort)port), result);
    }

    [Theory]
    [InlineData("dns:example.com", "example.com", 9735)]
    [InlineData("dns:example.com:9001", "example.com", 9001)]
    [InlineData("dns:localhost", "localhost", 9735)]
    public void KeepsDnsPrefixedNamesForResolutionAtDialTime(string host, string name, int port)
    {
        Assert.True(HostValidator.TryValidate(host, 9735, out var result, out _));
        Assert.Equal(new HostAddress(HostKind.DnsName, name, (ushort)port, DeferredDns: true), result);
    }

    [Theory]
    [InlineData("abcdefghijklmnop.onion", "Host abcdefghijklmnop.onion:9735 not valid: Invalid Tor address")]
    [InlineData("VWW6YBAL4BD7SZMGNCYRUUCPGFKQAHZDDI37KTCEO3AH7NGMCOPNPYYD.onion", "Host VWW6YBAL4BD7SZMGNCYRUUCPGFKQAHZDDI37KTCEO3AH7NGMCOPNPYYD.onion:9735 not valid: Invalid Tor address")]
    [InlineData("dns:1.2.3.4", "Host dns:1.2.3.4:9735 not valid: dns: must be followed by a name")]
    [InlineData("dns:::1", "Host dns:::1:9735 not valid: dns: must be followed by a name")]
    [InlineData("1.2.3.4:0", "Host 1.2.3.4:0:9735 not valid: Error parsing hostname")]
    [InlineData("[::1", "Host [::1:9735 not valid: Error parsing hostname")]
    [InlineData("ws:1.2.3.4", "Host ws:1.2.3.4:9735 not valid: websocket addresses are not supported")]
    [InlineData("", "Host :9735 not a simple type")]
    [InlineData(":9736", "Host :9736:9735 not a simple type")]
    [InlineData("[]:9736", "Host []:9736:9735 not a simple type")]
    [InlineData("autotor:127.0.0.1:9051", "Host autotor:127.0.0.1:9051:9735 not a simple type")]
    [InlineData("statictor:127.0.0.1:9051", "Host statictor:127.0.0.1:9051:9735 not a simple type")]
    public void RefusesWithMinusOneAndCoreLightningsText(string host, string message)
    {
        Assert.False(HostValidator.TryValidate(host, 9735, out _, out var error));
        Assert.Equal(new RpcError(-1, message), error);
    }

    [Fact]
    public void RefusesADnsNameLongerThan255Bytes()
    {
        var name = new string('a', 256);

        Assert.False(HostValidator.TryValidate("dns:" + name, 9735, out _, out var error));
        Assert.Equal($"Host dns:{name}:9735 not valid: DNS address too long", error.Message);
        Assert.True(HostValidator.TryValidate("dns:" + name[1..], 9735, out _, out _));
    }

    [Fact]
    public void MeasuresTheSocketPathInBytes()
    {
        var path = "/" + new string('é', 53); // 1 + 106 bytes = 107: fits

        Assert.True(HostValidator.TryValidate(path, 9735, out _, out _));
        Assert.False(HostValidator.TryValidate(path + "x", 9735, out _, out var error));
        Assert.EndsWith("not valid: Socket name too long", error.Message);
    }
}
