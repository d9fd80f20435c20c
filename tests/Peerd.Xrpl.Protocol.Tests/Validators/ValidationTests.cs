using Peerd.Primitives;
using Peerd.Xrpl.Protocol.Tests.Support;
using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Xrpl.Protocol.Tests.Validators;

public class ValidationTests(JsValidatorsFixture fixture) : IClassFixture<JsValidatorsFixture>
{
    private Validation Parse(string name)
    {
        var validation = Validation.TryParse(Hex.Decode((string)fixture.Data["validations"]![name]!), out var error);
        Assert.True(validation is not null, error);
        return validation;
    }

    [Fact]
    public void ParsesAndVerifiesValidationsSignedByRippleKeypairs()
    {
        var expectedHash = (string)fixture.Data["validations"]!["ledgerHash"]!;
        var validators = fixture.Data["validators"]!.AsArray();
        var full = fixture.Data["validations"]!["full"]!.AsArray();
        for (var i = 0; i < full.Count; i++)
        {
            var validation = Validation.TryParse(Hex.Decode((string)full[i]!), out var error);
            Assert.True(validation is not null, error);
            Assert.True(validation.Verify());
            Assert.True(validation.Full);
            Assert.Equal(1000u, validation.LedgerSequence);
            Assert.Equal(expectedHash, Convert.ToHexString(validation.LedgerHash));
            Assert.Equal(JsValidatorsFixture.Now, validation.SigningTime);
            Assert.Equal((string)validators[i]!["signing"]!, validation.SigningKey.Hex);
            Assert.True(validation.IsCurrent(JsValidatorsFixture.Now));
        }
    }

    [Fact]
    public void PartialValidationVerifiesButIsNotFull()
    {
        var partial = Parse("partial");
        Assert.True(partial.Verify());
        Assert.False(partial.Full);
    }

    [Fact]
    public void ForgedSignatureFails() => Assert.False(Parse("forged").Verify());

    [Fact]
    public void OldValidationIsNotCurrent()
    {
        var old = Parse("old");
        Assert.True(old.Verify());
        Assert.False(old.IsCurrent(JsValidatorsFixture.Now));
        Assert.True(old.IsCurrent(JsValidatorsFixture.Now - 600));
        Assert.False(old.IsCurrent(JsValidatorsFixture.Now - 600 - Validation.CurrentWallSeconds));
    }

    [Fact]
    public void Ed25519SigningKeyIsRefused()
    {
        // validators[0] has an Ed25519 master key: a validation signed with it directly is not one rippled accepts.
        Assert.StartsWith("ED", (string)fixture.Data["validators"]![0]!["master"]!, StringComparison.Ordinal);
        Assert.Null(Validation.TryParse(Hex.Decode((string)fixture.Data["validations"]!["byMaster"]!), out var error));
        Assert.Equal("invalid public key in validation", error);
    }

    [Fact]
    public void RefusesMalformedValidations()
    {
        var bytes = Hex.Decode((string)fixture.Data["validations"]!["full"]![0]!);
        Assert.Null(Validation.TryParse(bytes[..49], out var error));
        Assert.Equal("validation too small", error);
        for (var cut = 50; cut < bytes.Length; cut += 5)
        {
            Assert.Null(Validation.TryParse(bytes[..cut], out _));
        }

        // An unknown field (UInt32 field 3, "SourceTag"-like) placed first.
        Assert.Null(Validation.TryParse([0x23, 0, 0, 0, 1, .. bytes], out error));
        Assert.Equal("unexpected field 2/3", error);

        // The same field twice.
        Assert.Null(Validation.TryParse([.. bytes[..5], .. bytes], out error));
        Assert.StartsWith("duplicate field", error, StringComparison.Ordinal);
    }
}
