namespace Peerd.Samples.Handshake;

/// <summary>The peer refused, misbehaved or went away; the message says how.</summary>
public sealed class HandshakeFailedException(string message) : Exception(message);
