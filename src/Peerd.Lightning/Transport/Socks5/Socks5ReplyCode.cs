namespace Peerd.Lightning.Transport.Socks5;

/// <summary>RFC 1928 §6 reply codes (<c>REP</c>), with the texts Core Lightning's <c>socks5strerror</c> prints.</summary>
public static class Socks5ReplyCode
{
    /// <summary><c>X'00'</c> succeeded.</summary>
    public const byte Succeeded = 0x00;

    /// <summary><c>X'01'</c> general SOCKS server failure.</summary>
    public const byte GeneralFailure = 0x01;

    /// <summary><c>X'02'</c> connection not allowed by ruleset.</summary>
    public const byte NotAllowed = 0x02;

    /// <summary><c>X'03'</c> Network unreachable.</summary>
    public const byte NetworkUnreachable = 0x03;

    /// <summary><c>X'04'</c> Host unreachable.</summary>
    public const byte HostUnreachable = 0x04;

    /// <summary><c>X'05'</c> Connection refused.</summary>
    public const byte ConnectionRefused = 0x05;

    /// <summary><c>X'06'</c> TTL expired.</summary>
    public const byte TtlExpired = 0x06;

    /// <summary><c>X'07'</c> Command not supported.</summary>
    public const byte CommandNotSupported = 0x07;

    /// <summary><c>X'08'</c> Address type not supported.</summary>
    public const byte AddressTypeNotSupported = 0x08;

    /// <summary>The text for <paramref name="code"/>; <c>unknown error: N</c> for <c>X'09'</c> to <c>X'FF'</c> ("unassigned").</summary>
    public static string Describe(byte code) => code switch
    {
        Succeeded => "success",
        GeneralFailure => "general SOCKS server failure",
        NotAllowed => "connection not allowed by ruleset",
        NetworkUnreachable => "network unreachable",
        HostUnreachable => "host unreachable",
        ConnectionRefused => "connection refused",
        TtlExpired => "TTL expired",
        CommandNotSupported => "command not supported",
        AddressTypeNotSupported => "address type not supported",
        _ => $"unknown error: {code}",
    };
}
