using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Noise;

namespace Peerd.Benchmarks;

/// <summary>
/// BOLT 8's HKDF (salt = ck, empty info, 64 bytes split in two): the base library's <see cref="HKDF.DeriveKey(HashAlgorithmName, ReadOnlySpan{byte}, Span{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>
/// and RFC 5869 written as three of its HMAC-SHA256 one-shots, against Peerd.Crypto's <see cref="HkdfSha256"/>,
/// which <see cref="NoiseHkdf"/> calls. Four run per handshake, one per key rotation.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class NoiseHkdfBenchmarks
{
    private readonly byte[] _salt = new byte[32];
    private readonly byte[] _ikm = new byte[32];
    private readonly byte[] _output = new byte[64];

    /// <summary>Random inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        RandomNumberGenerator.Fill(_salt);
        RandomNumberGenerator.Fill(_ikm);
    }

    /// <summary>The base library's HKDF (one OpenSSL KDF call), 64 bytes then split.</summary>
    [Benchmark(Baseline = true)]
    public void HkdfDeriveKey() => HKDF.DeriveKey(HashAlgorithmName.SHA256, _ikm, _output, _salt, []);

    /// <summary>RFC 5869 by hand: extract and two expand blocks as HMAC-SHA256 one-shots.</summary>
    [Benchmark]
    public void HmacOneShots()
    {
        Span<byte> prk = stackalloc byte[32];
        Span<byte> block = stackalloc byte[33];
        HMACSHA256.HashData(_salt, _ikm, prk);
        block[0] = 0x01;
        HMACSHA256.HashData(prk, block[..1], block[..32]);
        block[32] = 0x02;
        HMACSHA256.HashData(prk, block, _output.AsSpan(32));
        block[..32].CopyTo(_output);
    }

    /// <summary>RFC 5869 over libcrypto's low-level SHA-256, with the HMAC key's padded states reused.</summary>
    [Benchmark]
    public void HkdfSha256DeriveTwoKeys() => HkdfSha256.DeriveTwoKeys(_salt, _ikm, _output.AsSpan(0, 32), _output.AsSpan(32));

    /// <summary>What the handshake and key rotation call.</summary>
    [Benchmark]
    public void NoiseHkdfDerive() => NoiseHkdf.Derive(_salt, _ikm, _output.AsSpan(0, 32), _output.AsSpan(32));
}
