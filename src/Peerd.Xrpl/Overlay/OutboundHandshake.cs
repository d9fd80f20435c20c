using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Tls;

namespace Peerd.Xrpl.Overlay;

/// <summary>
/// Dials a peer (rippled <c>ConnectAttempt</c>): TCP → TLS → upgrade request/response → verify, each stage under its
/// own deadline, recording progress and the failure reason on the <see cref="ConnectionAttempt"/>.
/// </summary>
internal sealed class OutboundHandshake(XrplOverlay overlay, ConnectionAttempt attempt, string host, int port)
{
    public async Task<(PeerConnection Connection, PeerHandshakeResult Result)?> RunAsync(CancellationToken cancellationToken, Func<bool>? wasShed = null)
    {
        var time = overlay.Time;
        PeerConnection? connection = null;
        var stage = ConnectionStage.Tcp;
        StageDeadline? deadline = null;
        try
        {
            deadline = new StageDeadline(overlay.Options.HandshakeTimeout, time, cancellationToken);
            var remote = await ConnectTcpAsync(deadline.Token).ConfigureAwait(false);
            connection = remote;
            attempt.SetAddress(remote.Remote);
            deadline.Dispose();

            stage = ConnectionStage.Tls;
            attempt.Advance(stage);
            deadline = new StageDeadline(overlay.Options.HandshakeTimeout, time, cancellationToken);
            await connection.Ssl.AuthenticateAsClientAsync(overlay.Tls.ClientOptions(), deadline.Token).ConfigureAwait(false);
            deadline.Dispose();

            stage = ConnectionStage.Upgrade;
            attempt.Advance(stage);
            deadline = new StageDeadline(overlay.Options.HandshakeTimeout, time, cancellationToken);
            var shared = new byte[SharedValue.Length];
            var (local, peer) = TlsFinishedMessages.Get(connection.Ssl);
            var sharedError = SharedValue.TryCompute(local, peer, shared);
            if (sharedError != SharedValueError.None)
            {
                return Fail(connection, stage, $"Cookie generation: {sharedError}");
            }

            var request = UpgradeMessages.BuildRequest(overlay.Identity, shared, overlay.HandshakeSettings, time.GetUtcNow(), connection.Remote.Address);
            await connection.WriteAsync(request.ToBytes(), deadline.Token).ConfigureAwait(false);
            var response = await ReadResponseAsync(connection, deadline.Token).ConfigureAwait(false);
            if (response is null)
            {
                return Fail(connection, stage, "Peer closed the connection during the upgrade");
            }

            var (head, body) = response.Value;
            if (head.StatusCode == 503)
            {
                var ips = UpgradeMessages.ParseRedirectBody(body);
                overlay.EndpointCache.AddRedirects(ips, connection.Remote, time.GetUtcNow());
                var redirect = ips.Count > 0 ? $" (peer-ips: {string.Join(", ", ips.Take(5))})" : string.Empty;
                return Fail(connection, stage, $"Unable to upgrade to peer protocol: 503 {head.Reason}{redirect}");
            }

            var upgrade = OutboundUpgrade.Evaluate(head);
            if (!upgrade.Accepted)
            {
                return Fail(connection, stage, upgrade.Reason);
            }

            deadline.Dispose();
            deadline = null;
            stage = ConnectionStage.Verify;
            attempt.Advance(stage);
            var verification = HandshakeVerifier.Verify(shared, head.Headers, overlay.Identity.PublicKey, overlay.Options.NetworkId, time.GetUtcNow(), connection.Remote.Address);
            if (!verification.IsValid)
            {
                return Fail(connection, stage, $"Handshake failure ({verification.Reason})");
            }

            return (connection, new PeerHandshakeResult(verification.PeerKey!, upgrade.Version, head.Headers));
        }
        catch (OperationCanceledException) when (deadline?.Expired == true)
        {
            return Fail(connection, stage, $"Timeout: no progress within {overlay.Options.HandshakeTimeout.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException)
        {
            return Fail(connection, stage, wasShed?.Invoke() == true ? XrplOverlay.TooManyConnections : "Cancelled: the node is stopping");
        }
        catch (Exception e) when (e is SocketException or IOException or System.Security.Authentication.AuthenticationException or ObjectDisposedException or InvalidOperationException)
        {
            return Fail(connection, stage, Describe(e));
        }
        finally
        {
            deadline?.Dispose();
        }
    }

    private static string Describe(Exception e) => e switch
    {
        SocketException s => $"{s.SocketErrorCode}: {s.Message}",
        System.Security.Authentication.AuthenticationException a => $"TLS handshake failed: {a.InnerException?.Message ?? a.Message}",
        _ => e.Message,
    };

    private (PeerConnection, PeerHandshakeResult)? Fail(PeerConnection? connection, ConnectionStage stage, string reason)
    {
        attempt.Advance(stage);
        attempt.Fail(reason);
        if (connection is not null)
        {
            _ = connection.DisposeAsync().AsTask();
        }

        return null;
    }

    private async Task<PeerConnection> ConnectTcpAsync(CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new IOException($"Cannot resolve '{host}': {e.SocketErrorCode}", e);
            }

            if (addresses.Length == 0)
            {
                throw new IOException($"Cannot resolve '{host}': no addresses");
            }
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            var endpoint = new IPEndPoint(address, port);
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
                return new PeerConnection(new NetworkStream(socket, ownsSocket: true), endpoint);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    private static async Task<(HttpResponseHead Head, byte[] Body)?> ReadResponseAsync(PeerConnection connection, CancellationToken cancellationToken)
    {
        var reader = connection.Reader;
        HttpResponseHead? head = null;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (head is null)
            {
                var status = HttpHeadParser.TryParseResponse(buffer, out head, out var consumed, out var error);
                if (status == OperationStatus.InvalidData)
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    throw new InvalidOperationException($"Malformed upgrade response ({error})");
                }

                if (status == OperationStatus.Done)
                {
                    buffer = buffer.Slice(consumed);
                    if (head!.StatusCode == 101)
                    {
                        // Bytes after the head are the peer's first frames: leave them in the pipe.
                        reader.AdvanceTo(consumed);
                        return (head, []);
                    }
                }
            }

            if (head is not null)
            {
                var length = Math.Min(head.ContentLength, XrplTuning.MaxRedirectBody);
                if (buffer.Length >= length || result.IsCompleted)
                {
                    var body = buffer.Slice(0, Math.Min(length, buffer.Length)).ToArray();
                    reader.AdvanceTo(buffer.End);
                    return (head, body);
                }
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}

/// <summary>What a completed handshake established.</summary>
/// <param name="PeerKey">The peer's verified key.</param>
/// <param name="Protocol">The negotiated version.</param>
/// <param name="Headers">The peer's request or response fields.</param>
internal sealed record PeerHandshakeResult(Protocol.Identity.NodePublicKey PeerKey, ProtocolVersion Protocol, HttpHeaders Headers);
