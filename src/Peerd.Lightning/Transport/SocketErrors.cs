using System.Net.Sockets;

namespace Peerd.Lightning.Transport;

/// <summary>Translates socket failures, once, into the strerror texts Core Lightning reports and its users grep for.</summary>
public static class SocketErrors
{
    /// <summary>The text for a socket error code.</summary>
    public static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "Connection refused",
        SocketError.TimedOut => "Connection timed out",
        SocketError.ConnectionReset => "Connection reset by peer",
        SocketError.ConnectionAborted => "Software caused connection abort",
        SocketError.NetworkUnreachable => "Network is unreachable",
        SocketError.HostUnreachable => "No route to host",
        SocketError.AddressNotAvailable => "Cannot assign requested address",
        SocketError.AddressAlreadyInUse => "Address already in use",
        SocketError.AccessDenied => "Permission denied",
        SocketError.Shutdown => "Broken pipe",
        SocketError.TooManyOpenSockets => "Too many open files",
        SocketError.HostNotFound => "Name or service not known",
        SocketError.TryAgain => "Temporary failure in name resolution",
        SocketError.NoData => "No address associated with hostname",
        _ => error.ToString(),
    };

    /// <summary>The text for an exception from a socket or stream operation.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        SocketException { SocketErrorCode: SocketError.AddressNotAvailable } s when s.Message.Contains("No such file", StringComparison.Ordinal) =>
            "No such file or directory",
        SocketException s => Describe(s.SocketErrorCode),
        IOException { InnerException: SocketException s } => Describe(s.SocketErrorCode),
        EndOfStreamException => "peer closed connection",
        _ => exception.Message,
    };
}
