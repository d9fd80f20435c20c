using System.Net;
using BenchmarkDotNet.Attributes;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Messages;

namespace Peerd.Benchmarks;

/// <summary>
/// BOLT 1 decoding of what a connection actually carries: <c>init</c> as node-lightning sends it (captured from
/// <c>@node-lightning/wire</c> 0.26.1) and as the Peerd daemon sends it to an inbound peer, pings and pongs as
/// liveness exchanges them, and a 1 KiB unknown odd message (classified, not parsed). The baseline reads the type
/// only.
/// </summary>
[MemoryDiagnoser]
public class MessageDecodeBenchmarks
{
    /// <summary>node-lightning's init: data_loss_protect optional, networks = [regtest].</summary>
    private static readonly byte[] NodeLightningInit = Convert.FromHexString(
        "00100000000102012006226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f");

    /// <summary>The daemon's init to an inbound peer: its features, networks = [regtest], remote_addr.</summary>
    private static readonly byte[] PeerdInit = new InitMessage(
        OurFeatures.Init, [LightningNetwork.Regtest.ChainHash], WireAddress.FromIPAddress(IPAddress.Parse("203.0.113.5"), 9735)).ToArray();

    /// <summary>A ping as Peerd sends them (num_pong_bytes = 1, no padding).</summary>
    private static readonly byte[] Ping = new PingMessage(1).ToArray();

    /// <summary>The pong that answers it.</summary>
    private static readonly byte[] Pong = new PongMessage(1).ToArray();

    /// <summary>1 KiB of unknown odd type 32769.</summary>
    private static readonly byte[] UnknownOdd = UnknownOddMessage(1024);

    /// <summary>Reading the 2-byte type alone: the floor.</summary>
    [Benchmark(Baseline = true)]
    public ushort ReadTypeOnly()
    {
        LightningMessage.TryReadType(UnknownOdd, out ushort type);
        return type;
    }

    /// <summary>node-lightning's init.</summary>
    [Benchmark]
    public DecodeOutcome DecodeNodeLightningInit() => LightningMessageDecoder.Decode(NodeLightningInit).Outcome;

    /// <summary>The daemon's own init with remote_addr.</summary>
    [Benchmark]
    public DecodeOutcome DecodePeerdInit() => LightningMessageDecoder.Decode(PeerdInit).Outcome;

    /// <summary>A ping.</summary>
    [Benchmark]
    public DecodeOutcome DecodePing() => LightningMessageDecoder.Decode(Ping).Outcome;

    /// <summary>A pong.</summary>
    [Benchmark]
    public DecodeOutcome DecodePong() => LightningMessageDecoder.Decode(Pong).Outcome;

    /// <summary>A 1 KiB unknown odd message: classified and left alone.</summary>
    [Benchmark]
    public DecodeOutcome DecodeUnknownOdd() => LightningMessageDecoder.Decode(UnknownOdd).Outcome;

    private static byte[] UnknownOddMessage(int size)
    {
        var message = new byte[size];
        message[0] = 0x80;
        message[1] = 0x01;
        return message;
    }
}
