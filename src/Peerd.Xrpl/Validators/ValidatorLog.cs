using Peerd.Primitives.Logging;
using Microsoft.Extensions.Logging;

namespace Peerd.Xrpl.Validators;

/// <summary>The validator tracker's log lines. What a peer sends is logged at Debug only.</summary>
internal static partial class ValidatorLog
{
    [LoggerMessage(5100, LogLevel.Information, "XRPL trust anchors: {Publishers} publisher(s), {Static} static validator(s), threshold {Threshold}{Note}")]
    public static partial void Anchors(ILogger logger, int publishers, int @static, int threshold, string note);

    [LoggerMessage(5101, LogLevel.Information, "XRPL validator list from {Source}: publisher {Publisher} sequence {Sequence} {Disposition}; {Trusted} trusted validators, quorum {Quorum}")]
    public static partial void ListApplied(ILogger logger, string source, string publisher, uint sequence, string disposition, int trusted, string quorum);

    [RemoteTriggered]
    [LoggerMessage(5102, LogLevel.Debug, "XRPL validator list from {Source} refused: {Disposition}")]
    public static partial void ListRefused(ILogger logger, string source, string disposition);

    [RemoteTriggered]
    [LoggerMessage(5103, LogLevel.Debug, "XRPL validation from peer #{PeerId} refused: {Reason}")]
    public static partial void ValidationRefused(ILogger logger, long peerId, string reason);

    [LoggerMessage(5104, LogLevel.Information, "XRPL ledger {Sequence} {Hash} fully validated ({Validations} trusted validations, quorum {Quorum})")]
    public static partial void LedgerValidated(ILogger logger, uint sequence, string hash, int validations, int quorum);

    [RemoteTriggered]
    [LoggerMessage(5105, LogLevel.Debug, "XRPL manifest from peer #{PeerId}: {Disposition}")]
    public static partial void ManifestApplied(ILogger logger, long peerId, string disposition);

    [LoggerMessage(5107, LogLevel.Warning, "XRPL validator list site {Uri} not fetched: {Message}")]
    public static partial void SiteFailed(ILogger logger, string uri, string message);

    [LoggerMessage(5106, LogLevel.Warning, "XRPL validator list cache {Path} not written: {Message}")]
    public static partial void CacheWriteFailed(ILogger logger, string path, string message);
}
