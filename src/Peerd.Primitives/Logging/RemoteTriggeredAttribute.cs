namespace Peerd.Primitives.Logging;

/// <summary>
/// Marks a <c>[LoggerMessage]</c> event that a remote peer can make happen at will (by connecting, sending bytes or
/// failing a handshake). The daemon throttles such events per event id, so a flood cannot flood the log; they are
/// never logged at Error unless they report a fault of our own and carry its exception.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RemoteTriggeredAttribute : Attribute
{
}
