using Peerd.Lightning.Node;

namespace Peerd.Lightning.Rpc.Parameters;

/// <summary>A validated <c>disconnect</c> request.</summary>
/// <param name="NodeId">The 33-byte id of a peer we have a record of.</param>
/// <param name="Force">Disconnect even with channels in a state that needs the peer (default false).</param>
public sealed record DisconnectRequest(NodeId NodeId, bool Force);
