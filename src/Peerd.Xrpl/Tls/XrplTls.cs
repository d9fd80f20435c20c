using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Peerd.Xrpl.Tls;

/// <summary>
/// TLS as rippled's peer port does it: TLS 1.2 or 1.3, a throw-away self-signed RSA-2048 certificate per process
/// (shared by every node in the process), and no certificate verification (<c>verify_none</c>) — identity comes
/// only from <c>Public-Key</c> and
/// <c>Session-Signature</c>. TLS 1.2 is limited to AEAD suites (rippled's <c>TLSv1.2:!CBC:!DSS:!PSK:!eNULL:!aNULL</c>).
/// Session resumption is off: every session is a full handshake whose Finished messages are signed.
/// </summary>
public sealed class XrplTls
{
    private static readonly TlsCipherSuite[] Suites =
    [
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
    ];

    private static readonly Lazy<(X509Certificate2 Certificate, SslStreamCertificateContext Context)> ProcessCertificate = new(() =>
    {
        var certificate = CreateCertificate();
        return (certificate, SslStreamCertificateContext.Create(certificate, null, offline: true));
    });

    private readonly SslStreamCertificateContext _context;

    /// <summary>Uses this process's throw-away certificate, made on first use (RSA-2048 key generation is slow).</summary>
    public XrplTls()
    {
        _context = ProcessCertificate.Value.Context;
    }

    /// <summary>Options for the side that accepted the TCP connection.</summary>
    public SslServerAuthenticationOptions ServerOptions(SslProtocols protocols = SslProtocols.Tls12 | SslProtocols.Tls13)
    {
        var options = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = _context,
            ClientCertificateRequired = false,
            RemoteCertificateValidationCallback = static (_, _, _, _) => true,
            EnabledSslProtocols = protocols,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            AllowRenegotiation = false,
            AllowTlsResume = false,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.CipherSuitesPolicy = new CipherSuitesPolicy(Suites);
        }

        return options;
    }

    /// <summary>Options for the dialling side (no SNI, no verification).</summary>
    public SslClientAuthenticationOptions ClientOptions(SslProtocols protocols = SslProtocols.Tls12 | SslProtocols.Tls13)
    {
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = string.Empty,
            ClientCertificateContext = _context,
            RemoteCertificateValidationCallback = static (_, _, _, _) => true,
            EnabledSslProtocols = protocols,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            AllowRenegotiation = false,
            AllowTlsResume = false,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.CipherSuitesPolicy = new CipherSuitesPolicy(Suites);
        }

        return options;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=peerd", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        // A PKCS#12 round trip gives OpenSSL a plain, usable private key.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
