namespace Peerd.Lightning.Transport;

/// <summary>The stage of an outbound attempt, named as Core Lightning names it in its 401 error list.</summary>
public static class ConnectStage
{
    /// <summary>TCP or Unix socket connect (or the SOCKS5 exchange).</summary>
    public const string Establishment = "Connection establishment";

    /// <summary>The BOLT 8 handshake.</summary>
    public const string Handshake = "Cryptographic handshake";

    /// <summary>The BOLT 1 <c>init</c> exchange.</summary>
    public const string Init = "Exchanging init messages";
}

/// <summary>Why one address of a connect attempt failed: <c>&lt;addr&gt;: &lt;stage&gt;: &lt;reason&gt;</c>.</summary>
/// <param name="Address">The address tried, formatted as Core Lightning does.</param>
/// <param name="Stage">The <see cref="ConnectStage"/> reached, or null for failures before any stage (e.g. "need a proxy").</param>
/// <param name="Reason">What went wrong, in the reference's words (strerror texts, "peer closed connection (wrong key?)").</param>
public sealed record ConnectFailure(string Address, string? Stage, string Reason)
{
    /// <summary>The entry as it appears in the 401 message, without the trailing <c>". "</c>.</summary>
    public override string ToString() => Stage is null ? $"{Address}: {Reason}" : $"{Address}: {Stage}: {Reason}";
}

/// <summary>Thrown by the dialer and the handshake runner to abort one address with a <see cref="ConnectFailure"/>-ready reason.</summary>
public sealed class ConnectFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConnectFailedException(string stage, string reason, Exception? inner = null)
        : base($"{stage}: {reason}", inner)
    {
        Stage = stage;
        Reason = reason;
    }

    /// <summary>The <see cref="ConnectStage"/> that failed.</summary>
    public string Stage { get; }

    /// <summary>The reason text.</summary>
    public string Reason { get; }
}
