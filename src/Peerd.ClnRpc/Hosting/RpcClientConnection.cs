using System.Net.Sockets;
using System.Text;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Framing;
using Peerd.ClnRpc.Protocol;

namespace Peerd.ClnRpc.Hosting;

/// <summary>
/// One admin client: a read loop that splits pipelined requests and starts each as soon as it is complete, and
/// responses written whole (a streamed one piece by piece, nothing else between its pieces), one at a time, in the
/// order they complete (Core Lightning's
/// <c>test_multiplexed_rpc</c>: a slow command does not hold up later ones; clients match responses by id).
/// </summary>
/// <remarks>
/// The client going away (EOF, reset) only stops the reading: requests already started still run to completion
/// (a <c>connect</c> is not abandoned halfway), their responses are dropped, and then the socket is closed.
/// </remarks>
internal sealed class RpcClientConnection
{
    private readonly Socket _socket;
    private readonly RpcDispatcher _dispatcher;
    private readonly UnixSocketRpcServerOptions _options;
    private readonly CancellationToken _stopping;
    private readonly SemaphoreSlim _inFlight;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly RpcSession _session;
    private volatile bool _writeBroken;

    public RpcClientConnection(Socket socket, RpcDispatcher dispatcher, UnixSocketRpcServerOptions options, CancellationToken stopping)
    {
        _socket = socket;
        _dispatcher = dispatcher;
        _options = options;
        _stopping = stopping;
        _inFlight = new SemaphoreSlim(options.MaxInFlightPerClient, options.MaxInFlightPerClient);
        _session = new RpcSession(SendAsync);
    }

    /// <summary>Closes the socket at once (server shutdown); the loops end on their own.</summary>
    public void Abort()
    {
        Shutdown(); // an orderly end of stream for the client rather than a reset
        _socket.Dispose();
    }

    public async Task RunAsync()
    {
        try
        {
            await ReadLoopAsync().ConfigureAwait(false);
            await DrainAsync().ConfigureAwait(false);
            Shutdown();
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && _stopping.IsCancellationRequested)
        {
            // Server shutdown: the socket was closed under us.
        }
        catch (Exception e)
        {
            _options.OnConnectionError?.Invoke(e);
        }
        finally
        {
            _socket.Dispose();
        }
    }

    private async Task ReadLoopAsync()
    {
        var reader = new JsonRpcStreamReader(_options.MaxRequestBytes);
        using var buffer = new ReceiveBuffer(RpcLimits.ReceiveChunkBytes, _options.MaxRequestBytes + RpcLimits.ReceiveChunkBytes);
        while (true)
        {
            if (!await ProcessBufferedAsync(reader, buffer).ConfigureAwait(false))
            {
                return;
            }

            int received;
            try
            {
                received = await _socket.ReceiveAsync(buffer.GetMemory(RpcLimits.ReceiveChunkBytes), SocketFlags.None, _stopping)
                    .ConfigureAwait(false);
            }
            catch (SocketException)
            {
                return; // reset by the client: treat like EOF
            }

            if (received == 0)
            {
                return;
            }

            buffer.Advance(received);
        }
    }

    /// <summary>Handles every complete request in the buffer; false when the connection must stop reading.</summary>
    private async ValueTask<bool> ProcessBufferedAsync(JsonRpcStreamReader reader, ReceiveBuffer buffer)
    {
        while (true)
        {
            var data = buffer.Data;
            var status = reader.TryRead(data, out var value, out var raw, out var consumed, out _);
            switch (status)
            {
                case JsonRpcReadStatus.NeedMoreData:
                    buffer.Consume(consumed);
                    return true;

                case JsonRpcReadStatus.Malformed:
                    await SendAsync(JsonRpcResponseWriter.WriteError(
                        JsonRpcEnvelopeParser.NullId, JsonRpcErrors.Unparseable(Encoding.UTF8.GetString(data)))).ConfigureAwait(false);
                    return false;

                case JsonRpcReadStatus.TooLarge:
                    await SendAsync(JsonRpcResponseWriter.WriteError(
                        JsonRpcEnvelopeParser.NullId, JsonRpcErrors.TooLarge(_options.MaxRequestBytes))).ConfigureAwait(false);
                    return false;
            }

            var prepared = _dispatcher.Prepare(value, raw, _session);
            buffer.Consume(consumed);
            if (prepared.Call is { } call)
            {
                try
                {
                    await _inFlight.WaitAsync(_stopping).ConfigureAwait(false);
                }
                catch
                {
                    call.Dispose();
                    throw;
                }

                // Started here, not queued: a method runs to its first wait on this thread (most finish there), and
                // the loop reads on while the slow ones wait.
                _ = RunCallAsync(call);
                continue;
            }

            await SendAsync(prepared.ImmediateResponse!).ConfigureAwait(false);
            if (prepared.CloseConnection)
            {
                return false;
            }
        }
    }

    private async Task RunCallAsync(RpcCall call)
    {
        // A response, streamed or not, is written whole before the next: the write lock is taken at its first piece
        // (not before: a slow method must not hold up the others' responses) and released after its last.
        bool locked = false;
        try
        {
            await _dispatcher.InvokeAsync(
                call,
                async piece =>
                {
                    if (!locked)
                    {
                        await _writeLock.WaitAsync(_stopping).ConfigureAwait(false);
                        locked = true;
                    }

                    await SendLockedAsync(piece).ConfigureAwait(false);
                },
                _stopping).ConfigureAwait(false);
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            // A streamed response broke halfway: the client holds half of it, so the connection ends.
            _writeBroken = true;
            Shutdown();
            _options.OnConnectionError?.Invoke(e);
        }
        catch
        {
            // Shutting down: nothing to report.
        }
        finally
        {
            if (locked)
            {
                _writeLock.Release();
            }

            call.MarkResponseWritten();
            _inFlight.Release();
        }
    }

    /// <summary>Writes one whole response; later responses wait. A dead client makes this a no-op.</summary>
    private async ValueTask SendAsync(ReadOnlyMemory<byte> response)
    {
        await _writeLock.WaitAsync(_stopping).ConfigureAwait(false);
        try
        {
            await SendLockedAsync(response).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Writes bytes under the write lock. A dead client makes this a no-op.</summary>
    private async ValueTask SendLockedAsync(ReadOnlyMemory<byte> response)
    {
        try
        {
            while (!_writeBroken && !response.IsEmpty)
            {
                var sent = await _socket.SendAsync(response, SocketFlags.None, _stopping).ConfigureAwait(false);
                response = response[sent..];
            }
        }
        catch (SocketException)
        {
            _writeBroken = true; // the client went away; its remaining responses are dropped
        }
    }

    /// <summary>Waits until every started request has completed and its response was written (or dropped).</summary>
    private async Task DrainAsync()
    {
        for (var i = 0; i < _options.MaxInFlightPerClient; i++)
        {
            await _inFlight.WaitAsync(_stopping).ConfigureAwait(false);
        }
    }

    private void Shutdown()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }
}
