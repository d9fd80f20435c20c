using System.Buffers;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Peerd.Lightning.Protocol.Framing;
using Peerd.Lightning.Protocol.Noise;

namespace Peerd.Benchmarks;

/// <summary>
/// <see cref="Bolt8FrameReader"/> over a packet delivered whole, in a pipe's 4 KiB blocks, and in 64-byte slivers,
/// against the same encrypt + decrypt without framing (the baseline). The difference is what framing costs: slicing,
/// gathering a prefix or body that spans segments, and state. Each invocation encrypts a fresh packet, because the
/// receiving nonce only moves forward; key rotation (every 500 messages) is included, amortised.
/// </summary>
[MemoryDiagnoser]
public class FrameReaderBenchmarks
{
    private byte[] _message = null!;
    private byte[] _packet = null!;
    private byte[] _plaintext = null!;
    private NoiseTransport _initiator = null!;
    private NoiseTransport _responder = null!;
    private Bolt8FrameReader _reader = null!;
    private ReadOnlySequence<byte> _whole;
    private ReadOnlySequence<byte> _blocks;
    private ReadOnlySequence<byte> _slivers;

    /// <summary>Message size: a ping-sized 18 B, 1 KiB, and the largest message.</summary>
    [Params(18, 1024, Bolt8Constants.MaxMessageLength)]
    public int Size { get; set; }

    /// <summary>Keys from a real handshake; the packet buffer and its segment chains are built once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _message = new byte[Size];
        RandomNumberGenerator.Fill(_message);
        var length = NoiseEncryptor.PacketLength(Size);
        _packet = new byte[length];
        _plaintext = new byte[Bolt8Constants.MaxMessageLength];
        (_initiator, _responder) = Handshakes.Complete();
        _reader = new Bolt8FrameReader(_responder.Receiver);
        _whole = new ReadOnlySequence<byte>(_packet);
        _blocks = SlicedSequence.Over(_packet, length, 4096);
        _slivers = SlicedSequence.Over(_packet, length, 64);
    }

    /// <summary>Frees the ciphers.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _initiator.Dispose();
        _responder.Dispose();
    }

    /// <summary>Encrypt, then decrypt the length and the body directly (no framing).</summary>
    [Benchmark(Baseline = true)]
    public bool EncryptDecrypt()
    {
        _initiator.Sender.Encrypt(_message, _packet);
        var receiver = _responder.Receiver;
        return receiver.TryDecryptLength(_packet.AsSpan(0, Bolt8Constants.EncryptedLengthPrefixLength), out var length)
            && receiver.TryDecryptMessage(_packet.AsSpan(Bolt8Constants.EncryptedLengthPrefixLength), _plaintext.AsSpan(0, length));
    }

    /// <summary>Encrypt, then read the packet as one segment.</summary>
    [Benchmark]
    public OperationStatus FrameReadWhole() => EncryptAndRead(_whole);

    /// <summary>Encrypt, then read the packet in 4 KiB segments (what a pipe hands over).</summary>
    [Benchmark]
    public OperationStatus FrameRead4KiBSegments() => EncryptAndRead(_blocks);

    /// <summary>Encrypt, then read the packet in 64-byte segments (the length prefix and bodies split often).</summary>
    [Benchmark]
    public OperationStatus FrameRead64ByteSegments() => EncryptAndRead(_slivers);

    private OperationStatus EncryptAndRead(in ReadOnlySequence<byte> input)
    {
        _initiator.Sender.Encrypt(_message, _packet);
        return _reader.TryReadMessage(input, _plaintext, out _, out _, out _, out _);
    }
}
