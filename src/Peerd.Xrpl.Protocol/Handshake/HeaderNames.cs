namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>The header fields of the XRPL peer upgrade (rippled <c>Handshake.cpp</c>).</summary>
public static class HeaderNames
{
    /// <summary>Our software name and version, in requests.</summary>
    public const string UserAgent = "User-Agent";

    /// <summary>Our software name and version, in responses.</summary>
    public const string Server = "Server";

    /// <summary><c>XRPL/2.1, XRPL/2.2, XRPL/2.3</c> in a request; exactly one version in a 101 response.</summary>
    public const string Upgrade = "Upgrade";

    /// <summary><c>Upgrade</c>, or <c>close</c> on refusals.</summary>
    public const string Connection = "Connection";

    /// <summary><c>Peer</c>.</summary>
    public const string ConnectAs = "Connect-As";

    /// <summary><c>public</c> or <c>private</c>: whether the peer may list us in crawl results.</summary>
    public const string Crawl = "Crawl";

    /// <summary>Optional protocol features (<c>compr=lz4;txrr=1…</c>); we advertise none.</summary>
    public const string ProtocolCtl = "X-Protocol-Ctl";

    /// <summary>The network id, sent only when configured (main 0, testnet 1, devnet 2).</summary>
    public const string NetworkId = "Network-ID";

    /// <summary>Seconds since 2000-01-01T00:00:00Z.</summary>
    public const string NetworkTime = "Network-Time";

    /// <summary>The node public key, <c>n…</c>.</summary>
    public const string PublicKey = "Public-Key";

    /// <summary>base64 of the DER signature of the shared value.</summary>
    public const string SessionSignature = "Session-Signature";

    /// <summary>A per-process random number (rippled uses it to spot two connections to the same instance).</summary>
    public const string InstanceCookie = "Instance-Cookie";

    /// <summary>The operator's domain, optional.</summary>
    public const string ServerDomain = "Server-Domain";

    /// <summary>The address the sender sees for its peer (only if public).</summary>
    public const string RemoteIp = "Remote-IP";

    /// <summary>The sender's own public address (only if known).</summary>
    public const string LocalIp = "Local-IP";

    /// <summary>Hash of the sender's last closed ledger (we keep no ledger, so never sent).</summary>
    public const string ClosedLedger = "Closed-Ledger";

    /// <summary>Hash of the ledger before it.</summary>
    public const string PreviousLedger = "Previous-Ledger";

    /// <summary>On refusals: the address the responder saw for us.</summary>
    public const string RemoteAddress = "Remote-Address";

    /// <summary>On 503 redirects: <c>application/json</c>.</summary>
    public const string ContentType = "Content-Type";

    /// <summary>Body length.</summary>
    public const string ContentLength = "Content-Length";
}
