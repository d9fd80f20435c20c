namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>One verified list of a publisher, with the raw parts needed to persist, serve and relay it.</summary>
/// <param name="Content">The parsed blob.</param>
/// <param name="RawBlob">The blob as published (base64).</param>
/// <param name="RawSignature">The signature as published (hex).</param>
/// <param name="RawManifest">The blob's own publisher manifest (v2 may carry one per blob), or null.</param>
/// <param name="SiteUri">Where it came from (a site URI, a file, or a peer).</param>
public sealed record PublishedList(ListBlob Content, string RawBlob, string RawSignature, string? RawManifest, string SiteUri);
