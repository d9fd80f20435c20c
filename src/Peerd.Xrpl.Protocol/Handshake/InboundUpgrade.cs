namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>What a responder does with a request, before looking at identity (rippled <c>OverlayImpl::onHandoff</c>).</summary>
public enum InboundUpgradeAction
{
    /// <summary>Not a peer upgrade at all (no <c>Connection: Upgrade</c>, not GET, or no <c>XRPL/x.y</c> in <c>Upgrade</c>): plain HTTP.</summary>
    NotPeerUpgrade,

    /// <summary><c>Connect-As</c> does not list <c>peer</c>: answer 503 with other peers.</summary>
    Redirect,

    /// <summary>No version in common: 400 "Unable to agree on a protocol version".</summary>
    NoCommonVersion,

    /// <summary>Go on: make the shared value and verify the identity fields.</summary>
    Proceed,
}

/// <summary>The first checks of an inbound upgrade request, in rippled's order.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Version">The negotiated version when <see cref="InboundUpgradeAction.Proceed"/>.</param>
public readonly record struct InboundUpgrade(InboundUpgradeAction Action, ProtocolVersion Version)
{
    /// <summary>The 400 text when no version is in common.</summary>
    public const string NoCommonVersionReason = "Unable to agree on a protocol version";

    /// <summary>The 400 text when the TLS Finished messages give no shared value.</summary>
    public const string NoSharedValueReason = "Incorrect security cookie";

    /// <summary>Classifies a request head.</summary>
    public static InboundUpgrade Evaluate(HttpRequestHead request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsPeerUpgrade(request))
        {
            return new(InboundUpgradeAction.NotPeerUpgrade, default);
        }

        if (!request.Headers.HasToken(HeaderNames.ConnectAs, "peer"))
        {
            return new(InboundUpgradeAction.Redirect, default);
        }

        return ProtocolVersion.Negotiate(request.Headers[HeaderNames.Upgrade]) is { } version
            ? new(InboundUpgradeAction.Proceed, version)
            : new(InboundUpgradeAction.NoCommonVersion, default);
    }

    /// <summary>rippled <c>isPeerUpgrade(request)</c>: an HTTP/1.1 GET with <c>Connection: upgrade</c> naming at least one XRPL version.</summary>
    public static bool IsPeerUpgrade(HttpRequestHead request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Version == "HTTP/1.1"
            && request.Method == "GET"
            && request.Headers.HasToken(HeaderNames.Connection, "upgrade")
            && ProtocolVersion.ParseList(request.Headers[HeaderNames.Upgrade]).Count > 0;
    }
}
