using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Peerd.Crypto;
using Peerd.Lightning.Protocol.Noise;

namespace Peerd.Benchmarks;

/// <summary>
/// A whole BOLT 8 handshake per role, against the secp256k1 work it cannot avoid: one key generation, two remote keys
/// parsed (decompressed) once each, and three ECDHs per side. The difference is our overhead: SHA-256, HKDF,
/// ChaCha20-Poly1305 and bookkeeping. The <c>…Unparsed</c> rows are the same curve work with every ECDH parsing its
/// remote key again (three parses, the handshake's cost before keys were parsed once), for comparison.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class NoiseHandshakeBenchmarks
{
    private readonly byte[] _actOne = new byte[Bolt8Constants.ActOneLength];
    private readonly byte[] _actTwo = new byte[Bolt8Constants.ActTwoLength];
    private readonly byte[] _actThree = new byte[Bolt8Constants.ActThreeLength];
    private readonly byte[] _scratchOne = new byte[Bolt8Constants.ActOneLength];
    private readonly byte[] _scratchThree = new byte[Bolt8Constants.ActThreeLength];
    private readonly byte[] _publicKey = new byte[Secp256k1.PublicKeyLength];
    private readonly byte[] _secret = new byte[Secp256k1.SharedSecretLength];
    private StaticKey _initiatorStatic = null!;
    private StaticKey _responderStatic = null!;
    private byte[] _initiatorEphemeral = null!;
    private byte[] _responderEphemeral = null!;
    private byte[] _initiatorEphemeralPublic = null!;
    private byte[] _responderEphemeralPublic = null!;

    /// <summary>Fixed keys (BOLT 8 Appendix A's), so the captured acts stay valid for every iteration.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _initiatorStatic = new StaticKey(Convert.FromHexString("1111111111111111111111111111111111111111111111111111111111111111"));
        _responderStatic = new StaticKey(Convert.FromHexString("2121212121212121212121212121212121212121212121212121212121212121"));
        _initiatorEphemeral = Convert.FromHexString("1212121212121212121212121212121212121212121212121212121212121212");
        _responderEphemeral = Convert.FromHexString("2222222222222222222222222222222222222222222222222222222222222222");
        _initiatorEphemeralPublic = Secp256k1.CreatePublicKey(_initiatorEphemeral);
        _responderEphemeralPublic = Secp256k1.CreatePublicKey(_responderEphemeral);

        var initiator = new InitiatorHandshake(_initiatorStatic, _responderStatic.PublicKey, _initiatorEphemeral);
        var responder = new ResponderHandshake(_responderStatic, _responderEphemeral);
        initiator.WriteActOne(_actOne);
        Check(responder.ReadActOne(_actOne));
        responder.WriteActTwo(_actTwo);
        Check(initiator.ReadActTwo(_actTwo));
        initiator.WriteActThree(_actThree).Dispose();
        Check(responder.ReadActThree(_actThree, out var transport));
        transport!.Dispose();
    }

    /// <summary>The initiator's unavoidable curve work: e.pub, parse rs, ECDH(e, rs), parse re, ECDH(e, re), ECDH(s, re).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Initiator")]
    public bool InitiatorSecp256k1Only() =>
        Secp256k1.TryCreatePublicKey(_initiatorEphemeral, _publicKey)
        & Secp256k1PublicKey.TryParse(_responderStatic.PublicKey, out var rs)
        & Secp256k1.TryEcdh(_initiatorEphemeral, rs, _secret)
        & Secp256k1PublicKey.TryParse(_responderEphemeralPublic, out var re)
        & Secp256k1.TryEcdh(_initiatorEphemeral, re, _secret)
        & _initiatorStatic.TryEcdh(re, _secret);

    /// <summary>The same curve work with each ECDH parsing its remote key (three parses instead of two).</summary>
    [Benchmark]
    [BenchmarkCategory("Initiator")]
    public bool InitiatorSecp256k1Unparsed() =>
        Secp256k1.TryCreatePublicKey(_initiatorEphemeral, _publicKey)
        & Secp256k1.TryEcdh(_initiatorEphemeral, _responderStatic.PublicKey, _secret)
        & Secp256k1.TryEcdh(_initiatorEphemeral, _responderEphemeralPublic, _secret)
        & _initiatorStatic.TryEcdh(_responderEphemeralPublic, _secret);

    /// <summary>Act One, reading Act Two, Act Three, and releasing the transport.</summary>
    [Benchmark]
    [BenchmarkCategory("Initiator")]
    public HandshakeError InitiatorHandshake()
    {
        var handshake = new InitiatorHandshake(_initiatorStatic, _responderStatic.PublicKey, _initiatorEphemeral);
        handshake.WriteActOne(_scratchOne);
        var error = handshake.ReadActTwo(_actTwo);
        handshake.WriteActThree(_scratchThree).Dispose();
        return error;
    }

    /// <summary>The responder's unavoidable curve work: parse re, ECDH(s, re), e.pub, ECDH(e, re), parse rs, ECDH(e, rs).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Responder")]
    public bool ResponderSecp256k1Only() =>
        Secp256k1PublicKey.TryParse(_initiatorEphemeralPublic, out var re)
        & _responderStatic.TryEcdh(re, _secret)
        & Secp256k1.TryCreatePublicKey(_responderEphemeral, _publicKey)
        & Secp256k1.TryEcdh(_responderEphemeral, re, _secret)
        & Secp256k1.TryEcdh(_responderEphemeral, _initiatorStatic.PublicKey, _secret);

    /// <summary>The same curve work with each ECDH parsing its remote key (three parses instead of two).</summary>
    [Benchmark]
    [BenchmarkCategory("Responder")]
    public bool ResponderSecp256k1Unparsed() =>
        _responderStatic.TryEcdh(_initiatorEphemeralPublic, _secret)
        & Secp256k1.TryCreatePublicKey(_responderEphemeral, _publicKey)
        & Secp256k1.TryEcdh(_responderEphemeral, _initiatorEphemeralPublic, _secret)
        & Secp256k1.TryEcdh(_responderEphemeral, _initiatorStatic.PublicKey, _secret);

    /// <summary>Reading Act One, Act Two, reading Act Three, and releasing the transport.</summary>
    [Benchmark]
    [BenchmarkCategory("Responder")]
    public HandshakeError ResponderHandshake()
    {
        var handshake = new ResponderHandshake(_responderStatic, _responderEphemeral);
        var actOneError = handshake.ReadActOne(_actOne);
        handshake.WriteActTwo(_scratchOne);
        var actThreeError = handshake.ReadActThree(_actThree, out var transport);
        transport!.Dispose();
        return actOneError == HandshakeError.None ? actThreeError : actOneError;
    }

    private static void Check(HandshakeError error)
    {
        if (error != HandshakeError.None)
        {
            throw new InvalidOperationException($"benchmark set-up handshake failed: {error}");
        }
    }
}
