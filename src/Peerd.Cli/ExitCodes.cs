namespace Peerd.Cli;

/// <summary><c>lightning-cli</c>'s exit codes, used by both modes of <c>peerd-cli</c>.</summary>
public static class ExitCodes
{
    /// <summary>The call succeeded; the result was printed.</summary>
    public const int Ok = 0;

    /// <summary>The daemon answered with an error; it was printed on stdout.</summary>
    public const int RpcError = 1;

    /// <summary>Talking to the daemon failed (no socket, refused, closed, malformed or mismatched reply).</summary>
    public const int TalkFailed = 2;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 3;
}
