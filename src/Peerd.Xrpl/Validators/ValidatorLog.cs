using Microsoft.Extensions.Logging;

namespace Peerd.Xrpl.Validators;

/// <summary>The validator tracker's log lines. What a peer sends is logged at Debug only.</summary>
internal static partial class ValidatorLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "XRPL trust anchors: {Publishers} publisher(s), {Static} static validator(s), threshold {Threshold}{Note}")]
    public static partial void Anchors(ILogger logger, int publishers, int @static, int threshold, string note);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "XRPL validator list from {Source}: publisher {Publisher} sequence {Sequence} {Disposition}; {Trusted} trusted validators, quorum {Quorum}")]
    public static partial void ListApplied(ILogger logger, string source, string publisher, uint sequence, string disposition, int trusted, string quorum);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Debug, Message = "XRPL validator list from {Source} refused: {Disposition}")]
    public static partial void ListRefused(ILogger logger, string source, string disposition);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Debug, Message = "XRPL validation from peer #{PeerId} refused: {Reason}")]
    public static partial void ValidationRefused(ILogger logger, long peerId, string reason);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "XRPL ledger {Sequence} {Hash} fully validated ({Validations} trusted validations, quorum {Quorum})")]
    public static partial void LedgerValidated(ILogger logger, uint sequence, string hash, int validations, int quorum);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Debug, Message = "XRPL manifest from peer #{PeerId}: {Disposition}")]
    public static partial void ManifestApplied(ILogger logger, long peerId, string disposition);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Warning, Message = "XRPL validator list site {Uri} not fetched: {Message}")]
    public static partial void SiteFailed(ILogger logger, string uri, string message);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "XRPL validator list cache {Path} not written: {Message}")]
    public static partial void CacheWriteFailed(ILogger logger, string path, string message);
}
