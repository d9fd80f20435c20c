using System.Reflection;
using System.Runtime.InteropServices;

namespace Peerd.Crypto;

/// <summary>
/// The one <see cref="DllImportResolver"/> of this assembly (the runtime allows one per assembly): maps the logical
/// library names of <see cref="Secp256k1Native"/>, <see cref="LibCrypto"/> and <see cref="Tls.TlsFinishedMessages"/> to the shared objects Debian installs,
/// and names the package to install when one is missing.
/// </summary>
internal static class NativeLibraryResolver
{
    static NativeLibraryResolver()
    {
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
    }

    /// <summary>Forces the static constructor (and so the resolver) to run before the first native call.</summary>
    internal static void EnsureRegistered()
    {
    }

    /// <summary>The error for a missing library: what it is and which Debian package provides it.</summary>
    internal static DllNotFoundException NotFound(string library, string debianPackage, Exception? inner = null) =>
        new($"{library} was not found. Install the Debian package '{debianPackage}' (apt-get install {debianPackage}).", inner);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path) => name switch
    {
        Secp256k1Native.LibraryName => Load(Secp256k1Native.Candidates, assembly, path)
            ?? throw NotFound("libsecp256k1", Secp256k1Native.DebianPackage),
        LibCrypto.LibraryName => Load(LibCrypto.Candidates, assembly, path)
            ?? throw NotFound("OpenSSL 3's libcrypto (libcrypto.so.3)", LibCrypto.DebianPackage),
        Tls.TlsFinishedMessages.LibraryName => Load(Tls.TlsFinishedMessages.Candidates, assembly, path)
            ?? throw NotFound("OpenSSL's libssl", Tls.TlsFinishedMessages.DebianPackage),
        _ => IntPtr.Zero,
    };

    private static IntPtr? Load(string[] candidates, Assembly assembly, DllImportSearchPath? path)
    {
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle))
            {
                return handle;
            }
        }

        return null;
    }
}
