using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using Peerd.Crypto.Tls;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Identity;

namespace Peerd.Samples.Handshake;

/// <summary>The XRPL peer handshake as the dialling side: TLS, the HTTP upgrade, and verifying the peer's signature.</summary>
internal static class XrplHandshake
{
    public static async Task<string> RunAsync(string target, uint? networkId, CancellationToken cancellationToken)
    {
        var (host, port) = Endpoint.Parse(target);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(host, port, cancellationToken);
        var remote = ((IPEndPoint)socket.RemoteEndPoint!).Address;
        await using var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false));

        // As rippled: no certificate checks; the peer's identity is proved by its session signature below.
        await ssl.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = string.Empty,
                RemoteCertificateValidationCallback = static (_, _, _, _) => true,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                AllowTlsResume = false,
            },
            cancellationToken);

        // Both sides sign a value made from the two TLS Finished messages, which binds the signature to this session.
        var (ours, theirs) = TlsFinishedMessages.Get(ssl);
        var shared = new byte[SharedValue.Length];
        var sharedError = SharedValue.TryCompute(ours, theirs, shared);
        if (sharedError != SharedValueError.None)
        {
            throw new HandshakeFailedException($"shared value: {sharedError}");
        }

        var identity = NodeIdentity.FromSeed(FamilySeed.FromBytes(RandomNumberGenerator.GetBytes(FamilySeed.Length)));
        var request = UpgradeMessages.BuildRequest(identity, shared, new HandshakeSettings("peerd-sample-0.1", networkId), DateTimeOffset.UtcNow, remote);
        await ssl.WriteAsync(request.ToBytes(), cancellationToken);

        var response = await ReadResponseAsync(PipeReader.Create(ssl), cancellationToken);
        var upgrade = OutboundUpgrade.Evaluate(response);
        if (!upgrade.Accepted)
        {
            throw new HandshakeFailedException($"upgrade refused: {response.StatusCode} {upgrade.Reason}");
        }

        var verification = HandshakeVerifier.Verify(shared, response.Headers, identity.PublicKey, networkId, DateTimeOffset.UtcNow, remote);
        if (!verification.IsValid)
        {
            throw new HandshakeFailedException($"handshake failure: {verification.Reason}");
        }

        return $"xrpl: handshake complete with {verification.PeerKey} as {identity.PublicKey} ({upgrade.Version}, {response.Headers["Server"]})";
    }

    private static async Task<HttpResponseHead> ReadResponseAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken);
            var status = HttpHeadParser.TryParseResponse(result.Buffer, out var head, out var consumed, out var error);
            switch (status)
            {
                case OperationStatus.Done:
                    input.AdvanceTo(consumed);
                    return head!;
                case OperationStatus.InvalidData:
                    throw new HandshakeFailedException($"malformed upgrade response: {error}");
            }

            input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            if (result.IsCompleted)
            {
                throw new HandshakeFailedException("the peer closed the connection during the upgrade");
            }
        }
    }
}
