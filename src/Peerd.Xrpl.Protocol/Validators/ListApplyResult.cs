namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>The outcome of applying a list message (rippled's <c>PublisherListStats</c>, reduced).</summary>
/// <param name="Best">The best disposition among the blobs.</param>
/// <param name="Worst">The worst disposition among the blobs.</param>
/// <param name="Publisher">The publisher's master key, when the manifest named a configured one.</param>
/// <param name="Sequence">The publisher's highest sequence held after applying, if any.</param>
public sealed record ListApplyResult(ListDisposition Best, ListDisposition Worst, ValidatorKey? Publisher, uint? Sequence);
