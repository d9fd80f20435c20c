using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Lightning.Gossip;

/// <summary>A message the graph stored: its bytes (type included), its type, and the decoded announcement for a node.</summary>
/// <param name="Message">The whole message.</param>
/// <param name="Type">Its type.</param>
/// <param name="Node">The decoded <c>node_announcement</c>, when it is one.</param>
public sealed record StoredGossip(byte[] Message, MessageType Type, NodeAnnouncement? Node);
