using System.Buffers;
using System.Net.Sockets;

namespace Peerd.Lightning.Transport.Socks5;

/// <summary>
/// Runs the SOCKS5 greeting and CONNECT over a socket already connected to the proxy. Reads never go past the
/// reply, so the socket is left positioned at the first byte from the target. Failures throw
/// <see cref="ConnectFailedException"/> at <see cref="ConnectStage.Establishment"/> with the text of
/// <see cref="Socks5Messages"/>; the caller owns the socket (and the deadline, through the token).
/// </summary>
public static class Socks5Client
{
    /// <summary>Asks the proxy behind <paramref name="proxy"/> to connect to <paramref name="target"/>.</summary>
    public static async Task<Socks5Reply> ConnectAsync(Socket proxy, Socks5Target target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        var request = new byte[Socks5Codec.MaxMessageLength];
        int requestLength = Socks5Codec.WriteConnect(target, request);
        if (requestLength < 0)
        {
            throw Failed(Socks5Error.NameTooLong, 0, target);
        }

        var buffer = new byte[Socks5Codec.MaxMessageLength];
        try
        {
            await proxy.SendAsync(Socks5Codec.Greeting.ToArray(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (await ReceiveAsync(proxy, buffer.AsMemory(0, Socks5Codec.MethodReplyLength), cancellationToken).ConfigureAwait(false) < Socks5Codec.MethodReplyLength)
            {
                throw Closed();
            }

            var methodError = Socks5Codec.CheckMethodReply(buffer);
            if (methodError != Socks5Error.None)
            {
                throw Failed(methodError, buffer[1], target);
            }

            await proxy.SendAsync(request.AsMemory(0, requestLength), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            int filled = 0;
            int needed = Socks5Codec.ReplyHeadLength;
            while (true)
            {
                // One receive at a time: a refusal is reported from its first two bytes, whatever follows.
                int read = await proxy.ReceiveAsync(buffer.AsMemory(filled, needed - filled), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                filled += read;
                var status = Socks5Codec.TryReadReply(buffer.AsSpan(0, filled), out var reply, out needed);
                switch (status)
                {
                    case OperationStatus.Done when reply.Succeeded:
                        return reply;
                    case OperationStatus.Done:
                    case OperationStatus.InvalidData:
                        throw Failed(reply.Error, reply.Code, target);
                }

                if (read == 0)
                {
                    throw Closed();
                }
            }
        }
        catch (SocketException e)
        {
            throw new ConnectFailedException(ConnectStage.Establishment, SocketErrors.Describe(e), e);
        }
    }

    /// <summary>Reads until <paramref name="destination"/> is full or the proxy closes; returns the bytes read.</summary>
    private static async Task<int> ReceiveAsync(Socket socket, Memory<byte> destination, CancellationToken cancellationToken)
    {
        int total = 0;
        while (total < destination.Length)
        {
            int read = await socket.ReceiveAsync(destination[total..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private static ConnectFailedException Failed(Socks5Error error, byte code, Socks5Target target) =>
        new(ConnectStage.Establishment, Socks5Messages.Describe(error, code, target));

    // Core Lightning's text when the other side hangs up during connection establishment (errno 0).
    private static ConnectFailedException Closed() => new(ConnectStage.Establishment, "peer closed connection");
}
