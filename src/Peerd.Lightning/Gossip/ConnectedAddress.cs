using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Gossip;

/// <summary>An address we reached a node at, and when we last did (our own observation, not gossip).</summary>
/// <param name="Endpoint">The address dialled.</param>
/// <param name="LastConnected">When the last connection through it completed <c>init</c>.</param>
public sealed record ConnectedAddress(PeerEndpoint Endpoint, DateTimeOffset LastConnected);
