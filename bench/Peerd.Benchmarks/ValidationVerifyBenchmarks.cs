using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Peerd.Crypto;
using Peerd.Xrpl.Protocol.Serialization;
using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Benchmarks;

/// <summary>
/// What following the validated ledger costs per message, on real data (tests/Peerd.Xrpl.Protocol.Tests/Vectors/
/// validator-lists.json): a testnet validation parsed and verified (validators always sign with a secp256k1 ephemeral
/// key), a mainnet validator manifest with an Ed25519 master key parsed and verified (its master's Ed25519 signature
/// and its ephemeral key's secp256k1 signature), each beside the bare signature check(s) of the same key types — the
/// bound. One operation per call, on one core.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ValidationVerifyBenchmarks
{
    private byte[] _validation = null!;
    private byte[] _validationDigest = null!;
    private byte[] _validationSignature = null!;
    private byte[] _validationKey = null!;
    private byte[] _manifest = null!;
    private byte[] _manifestData = null!;
    private byte[] _masterSignature = null!;
    private byte[] _masterKey = null!;
    private byte[] _ephemeralSignature = null!;
    private byte[] _ephemeralKey = null!;

    /// <summary>Loads the real validation and the real manifest, and pre-computes what the bare checks take.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var vectors = JsonNode.Parse(File.ReadAllText(VectorsPath()))!;
        var (_, hex) = vectors["testnet"]!["validations"]!.AsObject().First();
        _validation = Convert.FromHexString((string)hex!);
        var validation = Validation.TryParse(_validation, out _)!;
        _validationDigest = validation.SigningHash();
        _validationSignature = validation.Signature;
        _validationKey = validation.SigningKey.Bytes.ToArray();

        var blob = JsonNode.Parse(Convert.FromBase64String((string)vectors["mainnet"]!["blob"]!))!;
        _manifest = Convert.FromBase64String((string)blob["validators"]![0]!["manifest"]!);
        var manifest = Manifest.TryParse(_manifest, out _)!;
        if (manifest.MasterKey.Type != KeyType.Ed25519 || !manifest.Verify() || !validation.Verify())
        {
            throw new InvalidOperationException("the vectors are not what this benchmark expects");
        }

        var template = new HashSet<FieldId> { FieldId.PublicKey, FieldId.MasterSignature, FieldId.Sequence, FieldId.SigningPubKey, FieldId.Signature, FieldId.Domain };
        var obj = SerializedObject.TryParse(_manifest, template, out _)!;
        _manifestData = obj.SigningData(HashPrefix.Manifest);
        _masterSignature = obj.GetBlob(FieldId.MasterSignature)!;
        _masterKey = manifest.MasterKey.Bytes[1..].ToArray();
        _ephemeralSignature = obj.GetBlob(FieldId.Signature)!;
        _ephemeralKey = manifest.SigningKey!.Bytes.ToArray();
    }

    /// <summary>The bound: one secp256k1 ECDSA verification of a 32-byte digest (libsecp256k1).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Validation (secp256k1)")]
    public bool BareSecp256k1Verify() => Secp256k1.VerifyDer(_validationSignature, _validationDigest, _validationKey, allowHighS: true);

    /// <summary>A TMValidation's payload: parse the STValidation, hash its signing fields, verify.</summary>
    [Benchmark]
    [BenchmarkCategory("Validation (secp256k1)")]
    public bool ValidationParseAndVerify() => Validation.TryParse(_validation, out _)!.Verify();

    /// <summary>The bound: one Ed25519 verification (OpenSSL) plus one secp256k1 verification (with the SHA-512Half of the data).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Manifest (Ed25519 master)")]
    public bool BareEd25519AndSecp256k1Verify() =>
        Ed25519.Verify(_masterSignature, _manifestData, _masterKey)
        & Secp256k1.VerifyDer(_ephemeralSignature, HashPrefix.Sha512Half(_manifestData), _ephemeralKey);

    /// <summary>The bare Ed25519 verification alone.</summary>
    [Benchmark]
    [BenchmarkCategory("Manifest (Ed25519 master)")]
    public bool BareEd25519Verify() => Ed25519.Verify(_masterSignature, _manifestData, _masterKey);

    /// <summary>A manifest: parse, then both signatures as <c>Manifest::verify</c>.</summary>
    [Benchmark]
    [BenchmarkCategory("Manifest (Ed25519 master)")]
    public bool ManifestParseAndVerify() => Manifest.TryParse(_manifest, out _)!.Verify();

    private static string VectorsPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "Peerd.Xrpl.Protocol.Tests", "Vectors", "validator-lists.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("validator-lists.json not found above the benchmark's directory");
    }
}
