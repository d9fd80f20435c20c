namespace Peerd.Lightning.Transport.Socks5;

/// <summary>
/// The texts a failed SOCKS5 exchange puts in the 401 error list, worded as Core Lightning's <c>connectd/tor.c</c>
/// words them (<c>Error connecting to &lt;host&gt;: Tor server reply: connection refused</c>).
/// </summary>
public static class Socks5Messages
{
    /// <summary>The text for <paramref name="error"/> while connecting to <paramref name="target"/>.</summary>
    public static string Describe(Socks5Error error, byte code, Socks5Target target)
    {
        string host = target.DisplayHost;
        return error switch
        {
            Socks5Error.Refused => $"Error connecting to {host}: Tor server reply: {Socks5ReplyCode.Describe(code)}",
            Socks5Error.NoAcceptableMethods => $"Connected out for {host} error: authentication required",
            Socks5Error.UnexpectedMethod => $"Connected out for {host} error: unexpected connect answer {code:x} from the tor socks5 proxy",
            Socks5Error.BadVersion => $"Connected out for {host} error: unexpected reply version {code:x} from the tor socks5 proxy",
            Socks5Error.UnknownAddressType => $"Tor connect out for host {host} error invalid type return: {code:x}",
            Socks5Error.NameTooLong => $"Connected out for {host} error: hostname too long for socks5 request",
            _ => throw new ArgumentOutOfRangeException(nameof(error), error, "not a failure"),
        };
    }
}
