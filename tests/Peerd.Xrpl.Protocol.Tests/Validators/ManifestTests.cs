using Peerd.Xrpl.Protocol.Tests.Support;
using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Xrpl.Protocol.Tests.Validators;

public class ManifestTests(JsValidatorsFixture fixture) : IClassFixture<JsValidatorsFixture>
{
    private string Text(string path) => (string)fixture.Data[path.Split('.')[0]]![path.Split('.')[1]]!;

    [Fact]
    public void ParsesAndVerifiesManifestsOfBothMasterKeyTypes()
    {
        foreach (var validator in fixture.Data["validators"]!.AsArray())
        {
            var manifest = Manifest.TryParseBase64((string)validator!["manifest"]!, out var error);
            Assert.True(manifest is not null, error);
            Assert.Equal((string)validator["master"]!, manifest.MasterKey.Hex);
            Assert.Equal((string)validator["signing"]!, manifest.SigningKey!.Hex);
            Assert.Equal(1u, manifest.Sequence);
            Assert.False(manifest.Revoked);
            Assert.True(manifest.Verify());
        }

        Assert.Contains(fixture.Data["validators"]!.AsArray(), v => ((string)v!["master"]!).StartsWith("ED", StringComparison.Ordinal));
        Assert.Contains(fixture.Data["validators"]!.AsArray(), v => !((string)v!["master"]!).StartsWith("ED", StringComparison.Ordinal));
    }

    [Fact]
    public void RevocationHasNoSigningKeyAndVerifiesWithTheMasterAlone()
    {
        var manifest = Manifest.TryParseBase64(Text("manifests.revokedValidator"), out var error);
        Assert.True(manifest is not null, error);
        Assert.True(manifest.Revoked);
        Assert.Null(manifest.SigningKey);
        Assert.True(manifest.Verify());
    }

    [Fact]
    public void DomainIsReadAndAMalformedOneRefused()
    {
        Assert.Equal("example.com", Manifest.TryParseBase64(Text("manifests.withDomain"), out _)!.Domain);
        Assert.Null(Manifest.TryParseBase64(Text("manifests.badDomain"), out var error));
        Assert.Equal("manifest domain is malformed", error);
    }

    [Fact]
    public void RefusesMalformedManifestsWithTheirReason()
    {
        Assert.Null(Manifest.TryParseBase64(Text("manifests.withVersion"), out var error));
        Assert.Equal("manifest version field present", error);
        Assert.Null(Manifest.TryParseBase64(Text("manifests.sameKeys"), out error));
        Assert.Equal("manifest signing key equals its master key", error);
        Assert.Null(Manifest.TryParseBase64("not base64!", out error));
        Assert.Equal("manifest is not base64", error);
        Assert.Null(Manifest.TryParse([], out error));
        Assert.Equal("empty manifest", error);

        var bytes = Convert.FromBase64String((string)fixture.Data["validators"]![0]!["manifest"]!);
        for (var cut = 1; cut < bytes.Length; cut += 7)
        {
            Assert.Null(Manifest.TryParse(bytes[..cut], out error));
        }
    }

    [Fact]
    public void ForgedSignatureFailsVerification()
    {
        var manifest = Manifest.TryParseBase64(Text("manifests.forged"), out var error);
        Assert.True(manifest is not null, error);
        Assert.False(manifest.Verify());
    }

    [Fact]
    public void CacheKeepsTheNewestAndMapsKeys()
    {
        var cache = new ManifestCache();
        var first = Manifest.TryParseBase64((string)fixture.Data["validators"]![1]!["manifest"]!, out _)!;
        var newer = Manifest.TryParseBase64(Text("manifests.newerValidator"), out _)!;
        Assert.Equal(ManifestDisposition.Accepted, cache.Apply(first));
        Assert.Equal(first.MasterKey, cache.MasterKeyOf(first.SigningKey!));
        Assert.Equal(ManifestDisposition.Stale, cache.Apply(first));
        Assert.Equal(ManifestDisposition.Accepted, cache.Apply(newer));
        Assert.Equal(newer.SigningKey, cache.SigningKeyOf(first.MasterKey));
        Assert.Equal(first.SigningKey, cache.MasterKeyOf(first.SigningKey!)); // the old key no longer maps
        Assert.Equal(ManifestDisposition.Stale, cache.Apply(first));

        var forged = Manifest.TryParseBase64(Text("manifests.forged"), out _)!;
        Assert.Equal(ManifestDisposition.Invalid, cache.Apply(forged));
        Assert.Null(cache.Get(forged.MasterKey));
    }

    [Fact]
    public void CacheRevocationIsFinal()
    {
        var cache = new ManifestCache();
        var first = Manifest.TryParseBase64((string)fixture.Data["validators"]![0]!["manifest"]!, out _)!;
        var revoked = Manifest.TryParseBase64(Text("manifests.revokedValidator"), out _)!;
        Assert.Equal(ManifestDisposition.Accepted, cache.Apply(first));
        Assert.Equal(ManifestDisposition.Accepted, cache.Apply(revoked));
        Assert.True(cache.IsRevoked(first.MasterKey));
        Assert.Null(cache.SigningKeyOf(first.MasterKey));
        Assert.Equal(first.SigningKey, cache.MasterKeyOf(first.SigningKey!));
        Assert.Equal(ManifestDisposition.Stale, cache.Apply(first));
    }
}
