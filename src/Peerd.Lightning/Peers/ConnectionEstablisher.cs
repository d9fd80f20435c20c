using System.IO.Pipelines;
using System.Net.Sockets;
using Peerd.Crypto;
using Peerd.Lightning.Metrics;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Peers;

/// <summary>
/// Turns a connected stream (a socket's, or an in-memory one) into a <see cref="PeerConnection"/>: the BOLT 8
/// handshake in the right role, then the BOLT 1 <c>init</c> exchange (we send ours at once, as Core Lightning does), all under one deadline. Failures are
/// <see cref="ConnectFailedException"/>s carrying the stage and the reference's reason text.
/// </summary>
public static class ConnectionEstablisher
{
    /// <summary>
    /// Bytes asked of the socket per read: one whole maximum-size packet (65,569) fits, so large messages cost few
    /// system calls. The reader waits with zero-byte reads and rents this only while data is there.
    /// </summary>
    private const int ReadBufferBytes = 64 * 1024;

    /// <summary>Free space below which the reader starts a new buffer rather than read a sliver into the old one.</summary>
    private const int MinimumReadBytes = 8 * 1024;

    /// <summary>
    /// Runs the initiator side to <paramref name="expected"/>; <paramref name="opening"/> is Act One, made while the
    /// dial was in flight (<see cref="OutboundOpening.Create"/>), or null to make it now.
    /// </summary>
    /// <remarks>Takes ownership of <paramref name="stream"/>: it becomes the connection's, or is disposed on failure.</remarks>
    public static Task<PeerConnection> OutboundAsync(
        Stream stream, PeerEndpoint remote, NodeId expected, OutboundOpening? opening, LocalNode local, TimeProvider time, CancellationToken cancellationToken) =>
        RunAsync(stream, remote, expected, opening ?? OutboundOpening.Create(local.Key, expected), local, time, cancellationToken);

    /// <summary>Runs the responder side for an accepted connection's stream (owned from here on, as above).</summary>
    public static Task<PeerConnection> InboundAsync(Stream stream, PeerEndpoint remote, LocalNode local, TimeProvider time, CancellationToken cancellationToken) =>
        RunAsync(stream, remote, null, null, local, time, cancellationToken);

    private static async Task<PeerConnection> RunAsync(
        Stream stream, PeerEndpoint remote, NodeId? expected, OutboundOpening? opening, LocalNode local, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var started = time.GetTimestamp();
        PipeReader? reader = null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(local.HandshakeTimeout);
        var stage = ConnectStage.Handshake;
        var ok = false;
        try
        {
            NoiseTransport transport;
            NodeId remoteId;
            ReadOnlyMemory<byte> actThree = default;
            if (expected is { } id)
            {
                (transport, actThree) = await InitiateAsync(stream, opening!, deadline.Token).ConfigureAwait(false);
                remoteId = id;
            }
            else
            {
                (transport, remoteId) = await RespondAsync(stream, local.Key, deadline.Token).ConfigureAwait(false);
            }

            // The acts are read straight from the socket, exactly their length (what follows Act Three, the peer's
            // init, stays in the kernel for the pipe): one system call per act, and no pipe buffer until a peer has
            // proved it holds a key.
            stage = ConnectStage.Init;
            reader = PipeReader.Create(stream, new StreamPipeReaderOptions(
                bufferSize: ReadBufferBytes, minimumReadSize: MinimumReadBytes, leaveOpen: true, useZeroByteReads: true));
            var features = await InitExchange.RunAsync(stream, reader, transport, local, remote, expected is null, actThree, deadline.Token).ConfigureAwait(false);
            var connection = new PeerConnection(
                stream, reader, transport, remoteId, expected is null ? PeerDirection.In : PeerDirection.Out, remote, features, time.GetUtcNow(), started, time);
            ok = true;
            return connection;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectFailedException(stage, "Connection timed out");
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            throw new ConnectFailedException(stage, SocketErrors.Describe(e), e);
        }
        finally
        {
            LightningMetrics.HandshakeEnded(expected is null, ok, stage);
            if (!ok)
            {
                if (reader is not null)
                {
                    await reader.CompleteAsync().ConfigureAwait(false);
                }

                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Acts One and Two; returns the transport and Act Three, which leaves with our <c>init</c> in one write.</summary>
    private static async Task<(NoiseTransport, ReadOnlyMemory<byte>)> InitiateAsync(Stream stream, OutboundOpening opening, CancellationToken cancellationToken)
    {
        var handshake = opening.Handshake;
        var act = opening.Act;
        await stream.WriteAsync(act.AsMemory(0, Bolt8Constants.ActOneLength), cancellationToken).ConfigureAwait(false);

        // The responder is busy with two ECDHs: time to make the next handshake's ephemeral key.
        EphemeralKeyReserve.Shared.RefillOne();

        // EOF here is what a wrong node id looks like: the responder's act-one MAC check fails and it hangs up.
        await ReadActAsync(stream, act.AsMemory(0, Bolt8Constants.ActTwoLength), "peer closed connection (wrong key?)", cancellationToken).ConfigureAwait(false);
        var error = handshake.ReadActTwo(act.AsSpan(0, Bolt8Constants.ActTwoLength));
        if (error != HandshakeError.None)
        {
            throw new ConnectFailedException(ConnectStage.Handshake, "Protocol error");
        }

        return (handshake.WriteActThree(act), act);
    }

    private static async Task<(NoiseTransport, NodeId)> RespondAsync(Stream stream, IStaticKey key, CancellationToken cancellationToken)
    {
        var handshake = new ResponderHandshake(key, EphemeralKeyReserve.Shared.Take());
        var act = new byte[Bolt8Constants.ActThreeLength];
        await ReadActAsync(stream, act.AsMemory(0, Bolt8Constants.ActOneLength), "peer closed connection", cancellationToken).ConfigureAwait(false);
        var error = handshake.ReadActOne(act.AsSpan(0, Bolt8Constants.ActOneLength));
        if (error != HandshakeError.None)
        {
            // BOLT 8: on a failed act, terminate "without any further messages".
            throw new ConnectFailedException(ConnectStage.Handshake, $"Protocol error ({error})");
        }

        handshake.WriteActTwo(act.AsSpan(0, Bolt8Constants.ActTwoLength));
        await stream.WriteAsync(act.AsMemory(0, Bolt8Constants.ActTwoLength), cancellationToken).ConfigureAwait(false);

        // The initiator is busy with two ECDHs: time to make the next handshake's ephemeral key.
        EphemeralKeyReserve.Shared.RefillOne();
        await ReadActAsync(stream, act, "peer closed connection", cancellationToken).ConfigureAwait(false);
        error = handshake.ReadActThree(act, out var transport);
        if (error != HandshakeError.None || transport is null)
        {
            throw new ConnectFailedException(ConnectStage.Handshake, $"Protocol error ({error})");
        }

        return (transport, NodeId.FromBytes(handshake.RemoteStaticPublicKey));
    }

    /// <summary>Reads exactly one act (never past it); EOF first is a <see cref="ConnectFailedException"/>.</summary>
    private static async ValueTask ReadActAsync(Stream stream, Memory<byte> act, string eofReason, CancellationToken cancellationToken)
    {
        if (await stream.ReadAtLeastAsync(act, act.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < act.Length)
        {
            throw new ConnectFailedException(ConnectStage.Handshake, eofReason);
        }
    }
}
