using System.Net;
using Peerd.Lightning.Transport.Socks5;

namespace Peerd.Lightning.Tests.Transport.Socks5;

public class Socks5MessagesTests
{
    [Theory]
    [InlineData(Socks5Error.Refused, 5, "Error connecting to localhost: Tor server reply: connection refused")]
    [InlineData(Socks5Error.Refused, 42, "Error connecting to localhost: Tor server reply: unknown error: 42")]
    [InlineData(Socks5Error.NoAcceptableMethods, 0xff, "Connected out for localhost error: authentication required")]
    [InlineData(Socks5Error.UnexpectedMethod, 0x54, "Connected out for localhost error: unexpected connect answer 54 from the tor socks5 proxy")]
    [InlineData(Socks5Error.BadVersion, 4, "Connected out for localhost error: unexpected reply version 4 from the tor socks5 proxy")]
    [InlineData(Socks5Error.UnknownAddressType, 2, "Tor connect out for host localhost error invalid type return: 2")]
    [InlineData(Socks5Error.NameTooLong, 0, "Connected out for localhost error: hostname too long for socks5 request")]
    public void TextsFollowCoreLightningsTorClient(Socks5Error error, byte code, string text) =>
        Assert.Equal(text, Socks5Messages.Describe(error, code, Socks5Target.ForName("localhost", 9735)));

    [Fact]
    public void IPv6HostsAreBracketedAsCoreLightningPrintsThem() =>
        Assert.Equal(
            "Error connecting to [::1]: Tor server reply: host unreachable",
            Socks5Messages.Describe(Socks5Error.Refused, Socks5ReplyCode.HostUnreachable, Socks5Target.ForAddress(IPAddress.IPv6Loopback, 1)));

    [Fact]
    public void NoneIsNotAFailure() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Socks5Messages.Describe(Socks5Error.None, 0, Socks5Target.ForName("a", 1)));
}
