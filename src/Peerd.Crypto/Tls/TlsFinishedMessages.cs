using System.Net.Security;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Peerd.Crypto.Tls;

/// <summary>
/// Reads both TLS Finished messages of an authenticated <see cref="SslStream"/> — ours (<c>SSL_get_finished</c>) and
/// the peer's (<c>SSL_get_peer_finished</c>) — which the XRPL handshake signs. .NET has no public API for them
/// (<c>tls-unique</c> channel binding holds only the first), so this reaches the OpenSSL <c>SSL*</c> that
/// <see cref="SslStream"/> keeps in its private <c>_securityContext</c> (a <c>SafeSslHandle</c> on Linux) and calls
/// libssl directly. Peerd.Xrpl's <c>TlsSelfCheck</c> proves at start-up that this still works on the running .NET.
/// It lives here, beside the other OpenSSL bindings, so that a program using the Peerd.Xrpl.Protocol package can
/// compute the handshake's <c>SharedValue</c> too.
/// </summary>
public static partial class TlsFinishedMessages
{
    /// <summary>Room for any Finished message (at most EVP_MAX_MD_SIZE = 64 bytes).</summary>
    private const int BufferLength = 128;

    /// <summary>The logical name of libssl for <see cref="NativeLibraryResolver"/>.</summary>
    internal const string LibraryName = "ssl";

    /// <summary>The Debian package that installs libssl.</summary>
    internal const string DebianPackage = "libssl3";

    /// <summary>The shared objects tried, in order.</summary>
    internal static readonly string[] Candidates = ["libssl.so.3", "libssl.so.1.1", "libssl.so"];

    private static readonly FieldInfo? SecurityContextField =
        typeof(SslStream).GetField("_securityContext", BindingFlags.Instance | BindingFlags.NonPublic);

    static TlsFinishedMessages()
    {
        NativeLibraryResolver.EnsureRegistered();
    }

    /// <summary>Copies our and the peer's Finished messages; call after <c>AuthenticateAs…Async</c> completed.</summary>
    /// <exception cref="NotSupportedException">Not OpenSSL-backed, or .NET's internals changed.</exception>
    public static (byte[] Local, byte[] Peer) Get(SslStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!OperatingSystem.IsLinux())
        {
            throw new NotSupportedException("the XRPL peer handshake needs the OpenSSL-backed SslStream of Linux");
        }

        if (!stream.IsAuthenticated)
        {
            throw new InvalidOperationException("the TLS handshake has not completed");
        }

        if (SecurityContextField is null)
        {
            throw new NotSupportedException("SslStream._securityContext not found: .NET internals changed");
        }

        if (SecurityContextField.GetValue(stream) is not SafeHandle handle || handle.GetType().Name != "SafeSslHandle")
        {
            throw new NotSupportedException("SslStream._securityContext is not an OpenSSL SafeSslHandle: .NET internals changed");
        }

        var added = false;
        try
        {
            // Keeps the SSL* alive even if the stream is disposed concurrently.
            handle.DangerousAddRef(ref added);
            var ssl = handle.DangerousGetHandle();
            if (ssl == IntPtr.Zero)
            {
                throw new InvalidOperationException("the TLS session is closed");
            }

            return (Copy(ssl, local: true), Copy(ssl, local: false));
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static unsafe byte[] Copy(IntPtr ssl, bool local)
    {
        var buffer = stackalloc byte[BufferLength];
        var length = local ? SslGetFinished(ssl, buffer, BufferLength) : SslGetPeerFinished(ssl, buffer, BufferLength);
        if (length > BufferLength)
        {
            throw new InvalidOperationException($"TLS Finished message of {length} bytes");
        }

        return new ReadOnlySpan<byte>(buffer, (int)length).ToArray();
    }

    [LibraryImport(LibraryName, EntryPoint = "SSL_get_finished")]
    private static unsafe partial nuint SslGetFinished(IntPtr ssl, byte* buffer, nuint count);

    [LibraryImport(LibraryName, EntryPoint = "SSL_get_peer_finished")]
    private static unsafe partial nuint SslGetPeerFinished(IntPtr ssl, byte* buffer, nuint count);
}
