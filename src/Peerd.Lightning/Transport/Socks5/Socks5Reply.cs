namespace Peerd.Lightning.Transport.Socks5;

/// <summary>A decoded CONNECT reply: success with the proxy's bound address, a refusal code, or a malformed reply.</summary>
/// <param name="Error"><see cref="Socks5Error.None"/>, <see cref="Socks5Error.Refused"/>, or why the reply is malformed.</param>
/// <param name="Code">The <c>REP</c> code for refusals; the offending byte for malformed replies.</param>
/// <param name="BoundAddress">The proxy's <c>BND.ADDR</c> on success (informational).</param>
/// <param name="BoundPort">The proxy's <c>BND.PORT</c> on success.</param>
/// <param name="Length">The reply's length on success.</param>
public readonly record struct Socks5Reply(Socks5Error Error, byte Code, string? BoundAddress, int BoundPort, int Length)
{
    /// <summary>True when the proxy connected us.</summary>
    public bool Succeeded => Error == Socks5Error.None;

    /// <summary>A successful reply.</summary>
    public static Socks5Reply Connected(string boundAddress, int boundPort, int length) =>
        new(Socks5Error.None, Socks5ReplyCode.Succeeded, boundAddress, boundPort, length);

    /// <summary>A refusal with <paramref name="code"/>.</summary>
    public static Socks5Reply Refused(byte code) => new(Socks5Error.Refused, code, null, 0, 0);

    /// <summary>A malformed reply.</summary>
    public static Socks5Reply Invalid(Socks5Error error, byte offending) => new(error, offending, null, 0, 0);
}
