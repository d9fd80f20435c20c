using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Peerd.Crypto;

namespace Peerd.Benchmarks;

/// <summary>
/// Peerd.Crypto's primitives against System.Security.Cryptography's (the baseline of each category), at the sizes
/// BOLT 8 uses: SHA-256 of 65 bytes (<c>h ‖ e.pub</c>), HMAC-SHA256 of 32 bytes, the 64-byte HKDF of every
/// <c>MixKey</c>/rotation, and a ChaCha20-Poly1305 seal + open of 18 B (an encrypted length prefix), 1 KiB and 64 KiB
/// with a reused cipher object.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class CryptoPrimitivesBenchmarks
{
    private readonly byte[] _hashInput = new byte[65];
    private readonly byte[] _key = new byte[32];
    private readonly byte[] _data = new byte[32];
    private readonly byte[] _digest = new byte[32];
    private readonly byte[] _okm = new byte[64];
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _tag = new byte[16];
    private byte[] _message18 = null!;
    private byte[] _message1K = null!;
    private byte[] _message64K = null!;
    private byte[] _buffer = null!;
    private ChaCha20Poly1305 _system = null!;
    private ChaCha20Poly1305Cipher _ours = null!;

    /// <summary>Random inputs; one cipher object of each kind.</summary>
    [GlobalSetup]
    public void Setup()
    {
        RandomNumberGenerator.Fill(_hashInput);
        RandomNumberGenerator.Fill(_key);
        RandomNumberGenerator.Fill(_data);
        _message18 = RandomNumberGenerator.GetBytes(18);
        _message1K = RandomNumberGenerator.GetBytes(1024);
        _message64K = RandomNumberGenerator.GetBytes(ushort.MaxValue);
        _buffer = new byte[ushort.MaxValue];
        _system = new ChaCha20Poly1305(_key);
        _ours = new ChaCha20Poly1305Cipher(_key);
    }

    /// <summary>Frees the ciphers.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _system.Dispose();
        _ours.Dispose();
    }

    /// <summary><see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> of 65 bytes.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SHA-256 65 B")]
    public int SystemSha256() => SHA256.HashData(_hashInput, _digest);

    /// <summary><see cref="Sha256.Hash(ReadOnlySpan{byte}, Span{byte})"/> of 65 bytes.</summary>
    [Benchmark]
    [BenchmarkCategory("SHA-256 65 B")]
    public void PeerdSha256() => Sha256.Hash(_hashInput, _digest);

    /// <summary><see cref="HMACSHA256.HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/>, 32-byte key and data.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("HMAC-SHA256 32 B")]
    public int SystemHmac() => HMACSHA256.HashData(_key, _data, _digest);

    /// <summary><see cref="HmacSha256.Compute"/>, 32-byte key and data.</summary>
    [Benchmark]
    [BenchmarkCategory("HMAC-SHA256 32 B")]
    public void PeerdHmac() => HmacSha256.Compute(_key, _data, _digest);

    /// <summary><see cref="HKDF.DeriveKey(HashAlgorithmName, ReadOnlySpan{byte}, Span{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>, 64 bytes, empty info.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("HKDF 64 B")]
    public void SystemHkdf() => HKDF.DeriveKey(HashAlgorithmName.SHA256, _data, _okm, _key, []);

    /// <summary><see cref="HkdfSha256.DeriveTwoKeys"/>: the same 64 bytes as two 32-byte keys.</summary>
    [Benchmark]
    [BenchmarkCategory("HKDF 64 B")]
    public void PeerdHkdf() => HkdfSha256.DeriveTwoKeys(_key, _data, _okm.AsSpan(0, 32), _okm.AsSpan(32));

    /// <summary>A reused <see cref="ChaCha20Poly1305"/>: seal and open 18 bytes.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("AEAD 18 B")]
    public void SystemAead18() => SystemAead(_message18);

    /// <summary>A reused <see cref="ChaCha20Poly1305Cipher"/>: seal and open 18 bytes.</summary>
    [Benchmark]
    [BenchmarkCategory("AEAD 18 B")]
    public bool PeerdAead18() => PeerdAead(_message18);

    /// <summary>Seal and open 1 KiB.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("AEAD 1 KiB")]
    public void SystemAead1K() => SystemAead(_message1K);

    /// <summary>Seal and open 1 KiB.</summary>
    [Benchmark]
    [BenchmarkCategory("AEAD 1 KiB")]
    public bool PeerdAead1K() => PeerdAead(_message1K);

    /// <summary>Seal and open 65,535 bytes.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("AEAD 64 KiB")]
    public void SystemAead64K() => SystemAead(_message64K);

    /// <summary>Seal and open 65,535 bytes.</summary>
    [Benchmark]
    [BenchmarkCategory("AEAD 64 KiB")]
    public bool PeerdAead64K() => PeerdAead(_message64K);

    /// <summary>What a handshake step or a key rotation cost before: a new cipher object per key.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Re-key")]
    public void SystemNewCipher()
    {
        using var aead = new ChaCha20Poly1305(_key);
    }

    /// <summary>Re-keying the same <see cref="ChaCha20Poly1305Cipher"/> in place.</summary>
    [Benchmark]
    [BenchmarkCategory("Re-key")]
    public void PeerdSetKey() => _ours.SetKey(_key);

    private void SystemAead(byte[] message)
    {
        var ciphertext = _buffer.AsSpan(0, message.Length);
        _system.Encrypt(_nonce, message, ciphertext, _tag);
        _system.Decrypt(_nonce, ciphertext, _tag, ciphertext);
    }

    private bool PeerdAead(byte[] message)
    {
        var ciphertext = _buffer.AsSpan(0, message.Length);
        _ours.Seal(_nonce, [], message, ciphertext, _tag);
        return _ours.TryOpen(_nonce, [], ciphertext, _tag, ciphertext);
    }
}
