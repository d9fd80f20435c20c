using System.Net;

namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>What this node says about itself in every upgrade request and response.</summary>
/// <param name="SoftwareName">Our name and version for <c>User-Agent</c>/<c>Server</c>, e.g. <c>peerd-0.1.0</c>.</param>
/// <param name="NetworkId">The network id to send and require, if configured.</param>
/// <param name="InstanceCookie">A random per-process number for <c>Instance-Cookie</c>, or null to omit it.</param>
/// <param name="CrawlPublic">True to send <c>Crawl: public</c>, which lets crawlers of our peers list our address; the default is private, so a node publishes nothing about itself unless configured to.</param>
/// <param name="ServerDomain">Our domain for <c>Server-Domain</c>, or null.</param>
/// <param name="PublicAddress">Our public address for <c>Local-IP</c>, or null when unknown.</param>
public sealed record HandshakeSettings(
    string SoftwareName,
    uint? NetworkId = null,
    ulong? InstanceCookie = null,
    bool CrawlPublic = false,
    string? ServerDomain = null,
    IPAddress? PublicAddress = null);
