using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Load.Lightning;

namespace Peerd.Load.Scenarios;

/// <summary>
/// Message throughput over established connections, two ways:
/// <list type="bullet">
/// <item><b>In</b>: unknown odd messages (type 32769) that the daemon decrypts, classifies and drops (BOLT 1: "it's
/// OK to be odd"), sent as fast as the socket takes them, then one ping whose pong proves all were read.</item>
/// <item><b>Echo</b>: pings asking for <c>size − 4</c> pong bytes, a window of them in flight; the daemon decrypts
/// each ping, builds the pong and encrypts it back.</item>
/// </list>
/// </summary>
internal static class MessageScenario
{
    /// <summary>An odd type no BOLT assigns (32768 and up is the experimental range).</summary>
    public const ushort UnknownOddType = 32769;

    private const int BatchBytes = 256 * 1024;
    private const int EchoWindow = 16;

    /// <summary>
    /// Sends <paramref name="size"/>-byte unknown odd messages on <paramref name="connections"/> connections;
    /// <paramref name="daemonCpuSeconds"/> (the daemon's CPU time) is read when the clock starts and stops.
    /// </summary>
    public static async Task<Throughput> InboundAsync(
        IPEndPoint server, byte[] serverId, int size, int connections, TimeSpan duration, SourceAddresses sources, Func<double> daemonCpuSeconds)
    {
        var peers = await ConnectAsync(server, serverId, connections, sources).ConfigureAwait(false);
        try
        {
            var message = new byte[size];
            RandomNumberGenerator.Fill(message);
            BinaryPrimitives.WriteUInt16BigEndian(message, UnknownOddType);

            // Warm-up: a short burst per connection, acknowledged, before the clock starts.
            await Task.WhenAll(peers.Select(p => SendForAsync(p, message, TimeSpan.FromMilliseconds(200)))).ConfigureAwait(false);

            var cpu = daemonCpuSeconds();
            var start = Stopwatch.GetTimestamp();
            var counts = await Task.WhenAll(peers.Select(p => Task.Run(() => SendForAsync(p, message, duration)))).ConfigureAwait(false);
            return new Throughput(counts.Sum(), size, Stopwatch.GetElapsedTime(start).TotalSeconds, daemonCpuSeconds() - cpu);
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Ping/pong with <paramref name="size"/>-byte pongs on <paramref name="connections"/> connections;
    /// <paramref name="daemonCpuSeconds"/> (the daemon's CPU time) is read when the clock starts and stops.
    /// </summary>
    public static async Task<Throughput> EchoAsync(
        IPEndPoint server, byte[] serverId, int size, int connections, TimeSpan duration, SourceAddresses sources, Func<double> daemonCpuSeconds)
    {
        var peers = await ConnectAsync(server, serverId, connections, sources).ConfigureAwait(false);
        try
        {
            var ping = new PingMessage((ushort)(size - 4)).ToArray();
            await Task.WhenAll(peers.Select(p => EchoForAsync(p, ping, TimeSpan.FromMilliseconds(200)))).ConfigureAwait(false);
            var cpu = daemonCpuSeconds();
            var start = Stopwatch.GetTimestamp();
            var counts = await Task.WhenAll(peers.Select(p => Task.Run(() => EchoForAsync(p, ping, duration)))).ConfigureAwait(false);
            return new Throughput(counts.Sum(), size, Stopwatch.GetElapsedTime(start).TotalSeconds, daemonCpuSeconds() - cpu);
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<LoadPeer[]> ConnectAsync(IPEndPoint server, byte[] serverId, int connections, SourceAddresses sources)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var peers = new LoadPeer[connections];
        for (var i = 0; i < connections; i++)
        {
            peers[i] = await LoadPeer.ConnectAsync(server, serverId, sources.Next(), StaticKey.Generate(), 2 * Bolt8Constants.MaxPacketLength, deadline.Token).ConfigureAwait(false);
        }

        return peers;
    }

    private static async Task<long> SendForAsync(LoadPeer peer, byte[] message, TimeSpan duration)
    {
        var packet = NoiseEncryptor.PacketLength(message.Length);
        var batch = new byte[Math.Max(BatchBytes, packet)];
        var perBatch = batch.Length / packet;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        using var deadline = new CancellationTokenSource(duration + TimeSpan.FromSeconds(60));
        long sent = 0;
        while (Stopwatch.GetTimestamp() < until)
        {
            var used = 0;
            for (var i = 0; i < perBatch; i++)
            {
                used += peer.Encrypt(message, batch.AsSpan(used));
            }

            await peer.SendPacketsAsync(batch.AsMemory(0, used), deadline.Token).ConfigureAwait(false);
            sent += perBatch;
        }

        // The pong comes after the daemon has handled every message sent before the ping.
        await peer.SendMessageAsync(new PingMessage(1).ToArray(), deadline.Token).ConfigureAwait(false);
        while (await peer.ReceiveAsync(deadline.Token).ConfigureAwait(false))
        {
            if (peer.MessageType == (ushort)MessageType.Pong)
            {
                return sent;
            }
        }

        throw new IOException("the daemon closed the connection during the run");
    }

    private static async Task<long> EchoForAsync(LoadPeer peer, byte[] ping, TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        using var deadline = new CancellationTokenSource(duration + TimeSpan.FromSeconds(60));
        var packet = new byte[EchoWindow * NoiseEncryptor.PacketLength(ping.Length)];

        // Keep EchoWindow pings in flight (well under the daemon's 64-message send queue): send a window, then one
        // more ping for every pong, in batches of half a window.
        var used = 0;
        for (var i = 0; i < EchoWindow; i++)
        {
            used += peer.Encrypt(ping, packet.AsSpan(used));
        }

        await peer.SendPacketsAsync(packet.AsMemory(0, used), deadline.Token).ConfigureAwait(false);
        long pongs = 0;
        var outstanding = EchoWindow;
        var owed = 0;
        var sending = true;
        while (outstanding > 0)
        {
            if (!await peer.ReceiveAsync(deadline.Token).ConfigureAwait(false))
            {
                throw new IOException("the daemon closed the connection during the run");
            }

            if (peer.MessageType != (ushort)MessageType.Pong)
            {
                continue;
            }

            pongs++;
            outstanding--;
            sending &= Stopwatch.GetTimestamp() < until;
            if (sending && ++owed == EchoWindow / 2)
            {
                used = 0;
                for (var i = 0; i < owed; i++)
                {
                    used += peer.Encrypt(ping, packet.AsSpan(used));
                }

                await peer.SendPacketsAsync(packet.AsMemory(0, used), deadline.Token).ConfigureAwait(false);
                outstanding += owed;
                owed = 0;
            }
        }

        return pongs;
    }
}
