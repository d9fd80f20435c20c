using System.Buffers;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Framing;
using Peerd.Lightning.Protocol.Noise;

namespace Peerd.Benchmarks;

/// <summary>
/// One message encrypted by one side and decrypted by the other, against the bare ChaCha20-Poly1305 calls (the same
/// <see cref="ChaCha20Poly1305Cipher"/> the transport uses, with a reused context). BOLT 8
/// spends two AEAD calls per direction (the 2-byte length, then the body), so <see cref="BareAeadFourCalls"/> is the
/// floor for a BOLT 8 message and <see cref="BareAeadOneMessage"/> what a single AEAD seal+open of the body costs.
/// Key rotation (every 500 messages) is included, amortised, as in real traffic.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class NoiseTransportBenchmarks
{
    private byte[] _message = null!;
    private byte[] _packet = null!;
    private byte[] _plaintext = null!;
    private byte[] _tag = new byte[Bolt8Constants.MacLength];
    private byte[] _nonce = new byte[12];
    private ChaCha20Poly1305Cipher _aead = null!;
    private NoiseTransport _initiator = null!;
    private NoiseTransport _responder = null!;
    private Bolt8FrameReader _reader = null!;

    /// <summary>Message size: 18 B, 1 KiB, and the largest Lightning message (65535 B, "64 KiB").</summary>
    [Params(18, 1024, Bolt8Constants.MaxMessageLength)]
    public int Size { get; set; }

    /// <summary>Keys from a real handshake; buffers sized once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _message = new byte[Size];
        RandomNumberGenerator.Fill(_message);
        _packet = new byte[NoiseEncryptor.PacketLength(Size)];
        _plaintext = new byte[Bolt8Constants.MaxMessageLength];
        var key = new byte[32];
        RandomNumberGenerator.Fill(key);
        _aead = new ChaCha20Poly1305Cipher(key);

        (_initiator, _responder) = Handshakes.Complete();
        _reader = new Bolt8FrameReader(_responder.Receiver);
    }

    /// <summary>Frees the ciphers.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _aead.Dispose();
        _initiator.Dispose();
        _responder.Dispose();
    }

    /// <summary>One AEAD seal and one open of the message: the cost of the cipher alone.</summary>
    [Benchmark(Baseline = true)]
    public void BareAeadOneMessage()
    {
        var ciphertext = _packet.AsSpan(0, Size);
        _aead.Seal(_nonce, [], _message, ciphertext, _tag);
        _aead.TryOpen(_nonce, [], ciphertext, _tag, _plaintext.AsSpan(0, Size));
    }

    /// <summary>The AEAD calls BOLT 8 mandates per message: seal and open the length, seal and open the body.</summary>
    [Benchmark]
    public void BareAeadFourCalls()
    {
        Span<byte> length = stackalloc byte[2];
        var packet = _packet.AsSpan();
        _aead.Seal(_nonce, [], length, packet[..2], packet[2..18]);
        _aead.Seal(_nonce, [], _message, packet.Slice(18, Size), packet.Slice(18 + Size, 16));
        _aead.TryOpen(_nonce, [], packet[..2], packet[2..18], length);
        _aead.TryOpen(_nonce, [], packet.Slice(18, Size), packet.Slice(18 + Size, 16), _plaintext.AsSpan(0, Size));
    }

    /// <summary><see cref="NoiseEncryptor.Encrypt"/> then <see cref="NoiseDecryptor"/>'s length and message.</summary>
    [Benchmark]
    public bool NoiseEncryptDecrypt()
    {
        _initiator.Sender.Encrypt(_message, _packet);
        var receiver = _responder.Receiver;
        return receiver.TryDecryptLength(_packet.AsSpan(0, Bolt8Constants.EncryptedLengthPrefixLength), out var length)
            && receiver.TryDecryptMessage(_packet.AsSpan(Bolt8Constants.EncryptedLengthPrefixLength), _plaintext.AsSpan(0, length));
    }

    /// <summary>Encrypt, then read the packet back through <see cref="Bolt8FrameReader"/> (single segment).</summary>
    [Benchmark]
    public OperationStatus NoiseEncryptFrameRead()
    {
        _initiator.Sender.Encrypt(_message, _packet);
        return _reader.TryReadMessage(new ReadOnlySequence<byte>(_packet), _plaintext, out _, out _, out _, out _);
    }
}
