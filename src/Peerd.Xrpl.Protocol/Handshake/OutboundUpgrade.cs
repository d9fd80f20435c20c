using System.Globalization;

namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>What the dialler makes of the responder's answer (rippled <c>ConnectAttempt::processResponse</c>).</summary>
/// <param name="Accepted">True when the answer is a 101 naming exactly one version we speak.</param>
/// <param name="Version">That version.</param>
/// <param name="Reason">Why not, for the attempt record (empty when accepted).</param>
public readonly record struct OutboundUpgrade(bool Accepted, ProtocolVersion Version, string Reason)
{
    /// <summary>Classifies a response head.</summary>
    public static OutboundUpgrade Evaluate(HttpResponseHead response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Version != "HTTP/1.1" || !response.Headers.HasToken(HeaderNames.Connection, "upgrade") || response.StatusCode != 101)
        {
            var code = response.StatusCode.ToString(CultureInfo.InvariantCulture);
            return new(false, default, $"Unable to upgrade to peer protocol: {code} {response.Reason}".TrimEnd());
        }

        // "Just because our peer selected a particular protocol version doesn't mean that it's acceptable to us."
        var versions = ProtocolVersion.ParseList(response.Headers[HeaderNames.Upgrade]);
        if (versions.Count != 1 || !ProtocolVersion.IsSupported(versions[0]))
        {
            return new(false, default, "Unable to negotiate protocol version");
        }

        return new(true, versions[0], string.Empty);
    }
}
