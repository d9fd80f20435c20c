using Peerd.Lightning.Node;

namespace Peerd.Lightning.Rpc.Parameters;

/// <summary>A validated <c>listpeers</c> request.</summary>
/// <param name="NodeId">Only this peer (an unknown one gives an empty list, not an error), or null for all.</param>
/// <param name="Level">
/// Include each peer's log at this level and above: Core Lightning's level name (<c>io</c>, <c>trace</c>,
/// <c>debug</c>, <c>info</c>, <c>unusual</c>, <c>broken</c>), or null for no log.
/// </param>
public sealed record ListPeersRequest(NodeId? NodeId, string? Level);
