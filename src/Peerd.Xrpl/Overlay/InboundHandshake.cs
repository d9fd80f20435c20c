using System.Buffers;
using System.Net.Sockets;
using System.Text;
using Peerd.Xrpl.Crawl;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Tls;

namespace Peerd.Xrpl.Overlay;

/// <summary>
/// Answers a connection on the peer port (rippled <c>OverlayImpl::onHandoff</c> + <c>PeerImp::doAccept</c>): TLS,
/// read the upgrade request, then in rippled's order — <c>Connect-As</c> (503), version (400), shared value (400),
/// identity checks (400 with the verifier's text), slots (503) — and finally <c>101 Switching Protocols</c>. Before
/// those, as rippled's <c>processRequest</c>, the targets <c>/crawl</c> and <c>/health</c> are answered as plain HTTP.
/// </summary>
internal sealed class InboundHandshake(XrplOverlay overlay, ConnectionAttempt attempt, PeerConnection connection, Func<PeerHandshakeResult, XrplPeer> activate)
{
    private static readonly byte[] Forbidden = Encoding.ASCII.GetBytes("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nForbidden\r\n");

    /// <summary>Runs the handshake; on success the peer is already registered (before the 101 is written, as rippled activates it).</summary>
    public async Task<XrplPeer?> RunAsync(CancellationToken cancellationToken, Func<bool>? wasShed = null)
    {
        var time = overlay.Time;
        var stage = ConnectionStage.Tls;
        StageDeadline? deadline = null;
        try
        {
            attempt.Advance(stage);
            deadline = new StageDeadline(overlay.Options.HandshakeTimeout, time, cancellationToken);
            await connection.Ssl.AuthenticateAsServerAsync(overlay.Tls.ServerOptions(), deadline.Token).ConfigureAwait(false);
            deadline.Dispose();

            stage = ConnectionStage.Upgrade;
            attempt.Advance(stage);
            deadline = new StageDeadline(overlay.Options.HandshakeTimeout, time, cancellationToken);
            var request = await ReadRequestAsync(deadline.Token).ConfigureAwait(false);
            if (request is null)
            {
                return await FailAsync(stage, "Peer closed the connection during the upgrade", null, deadline.Token).ConfigureAwait(false);
            }

            var remoteAddress = connection.Remote.Address;
            var software = overlay.HandshakeSettings.SoftwareName;
            if (overlay.ValidatorListPage?.Invoke(request.Target) is { } vl)
            {
                return await FailAsync(stage, $"Not a peer upgrade: served {request.Target}", PeerPortPages.ValidatorList(request, vl.Status, vl.Body, software), deadline.Token).ConfigureAwait(false);
            }

            var page = PeerPortPages.Match(request, overlay.Options.Crawl);
            if (page != PeerPortPage.None)
            {
                return await FailAsync(stage, $"Not a peer upgrade: served {request.Target}", ServePage(page, request, software), deadline.Token).ConfigureAwait(false);
            }

            var inbound = InboundUpgrade.Evaluate(request);
            switch (inbound.Action)
            {
                case InboundUpgradeAction.NotPeerUpgrade:
                    return await FailAsync(stage, $"Not a peer upgrade request ({request.Method} {request.Target})", Forbidden, deadline.Token).ConfigureAwait(false);
                case InboundUpgradeAction.Redirect:
                    return await FailAsync(stage, "Connect-As does not ask for a peer: redirected", UpgradeMessages.BuildRedirect(overlay.RedirectAddresses(), software, remoteAddress), deadline.Token).ConfigureAwait(false);
                case InboundUpgradeAction.NoCommonVersion:
                    return await FailAsync(stage, InboundUpgrade.NoCommonVersionReason, UpgradeMessages.BuildBadRequest(InboundUpgrade.NoCommonVersionReason, software, remoteAddress).ToBytes(), deadline.Token).ConfigureAwait(false);
            }

            stage = ConnectionStage.Verify;
            attempt.Advance(stage);
            var shared = new byte[SharedValue.Length];
            var (localFinished, peerFinished) = TlsFinishedMessages.Get(connection.Ssl);
            if (SharedValue.TryCompute(localFinished, peerFinished, shared) != SharedValueError.None)
            {
                return await FailAsync(stage, InboundUpgrade.NoSharedValueReason, UpgradeMessages.BuildBadRequest(InboundUpgrade.NoSharedValueReason, software, remoteAddress).ToBytes(), deadline.Token).ConfigureAwait(false);
            }

            var verification = HandshakeVerifier.Verify(shared, request.Headers, overlay.Identity.PublicKey, overlay.Options.NetworkId, time.GetUtcNow(), remoteAddress);
            if (!verification.IsValid)
            {
                return await FailAsync(stage, verification.Reason, UpgradeMessages.BuildBadRequest(verification.Reason, software, remoteAddress).ToBytes(), deadline.Token).ConfigureAwait(false);
            }

            var refusal = overlay.ReserveInboundSlot(verification.PeerKey!);
            if (refusal is not null)
            {
                return await FailAsync(stage, $"{refusal}: redirected", UpgradeMessages.BuildRedirect(overlay.RedirectAddresses(), software, remoteAddress), deadline.Token).ConfigureAwait(false);
            }

            // rippled activates the peer, then writes the response; a failed write makes the peer's read loop end it.
            var peer = activate(new PeerHandshakeResult(verification.PeerKey!, inbound.Version, request.Headers));
            var response = UpgradeMessages.BuildSwitchingProtocols(overlay.Identity, shared, overlay.HandshakeSettings, time.GetUtcNow(), remoteAddress, inbound.Version);
            try
            {
                await connection.WriteAsync(response.ToBytes(), deadline.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                peer.Close($"Writing the upgrade response failed: {e.Message}");
            }

            return peer;
        }
        catch (OperationCanceledException) when (deadline?.Expired == true)
        {
            return Fail(stage, $"Timeout: no progress within {overlay.Options.HandshakeTimeout.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException)
        {
            return Fail(stage, wasShed?.Invoke() == true ? XrplOverlay.TooManyConnections : "Cancelled: the node is stopping");
        }
        catch (Exception e) when (e is SocketException or IOException or System.Security.Authentication.AuthenticationException or ObjectDisposedException or InvalidOperationException)
        {
            return Fail(stage, e is System.Security.Authentication.AuthenticationException a ? $"TLS handshake failed: {a.InnerException?.Message ?? a.Message}" : e.Message);
        }
        finally
        {
            deadline?.Dispose();
        }
    }

    private byte[] ServePage(PeerPortPage page, HttpRequestHead request, string software)
    {
        var serverInfo = overlay.ServerInfo?.Invoke();
        return page == PeerPortPage.Crawl
            ? PeerPortPages.Crawl(request, overlay.CrawlPeers(), serverInfo, software)
            : PeerPortPages.Health(request, serverInfo ?? [], software);
    }

    private XrplPeer? Fail(ConnectionStage stage, string reason)
    {
        attempt.Advance(stage);
        attempt.Fail(reason);
        return null;
    }

    private async Task<XrplPeer?> FailAsync(ConnectionStage stage, string reason, byte[]? reply, CancellationToken cancellationToken)
    {
        Fail(stage, reason);
        if (reply is not null)
        {
            try
            {
                await connection.WriteAsync(reply, cancellationToken).ConfigureAwait(false);
                await connection.ShutdownAsync(XrplTuning.CloseGrace).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                // The refused peer may already be gone.
            }
        }

        return null;
    }

    private async Task<HttpRequestHead?> ReadRequestAsync(CancellationToken cancellationToken)
    {
        var reader = connection.Reader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var status = HttpHeadParser.TryParseRequest(buffer, out var request, out var consumed, out var error);
            if (status == OperationStatus.Done)
            {
                reader.AdvanceTo(consumed);
                return request;
            }

            if (status == OperationStatus.InvalidData)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                throw new InvalidOperationException($"Malformed upgrade request ({error})");
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
