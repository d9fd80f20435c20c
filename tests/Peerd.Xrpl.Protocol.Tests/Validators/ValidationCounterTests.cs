using Peerd.Primitives;
using Peerd.Xrpl.Protocol.Tests.Support;
using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Xrpl.Protocol.Tests.Validators;

public class ValidationCounterTests(JsValidatorsFixture fixture) : IClassFixture<JsValidatorsFixture>
{
    private Validation Full(int i) => Validation.TryParse(Hex.Decode((string)fixture.Data["validations"]!["full"]![i]!), out _)!;

    private ValidatorKey Master(int i) => ValidatorKey.TryParse((string)fixture.Data["validators"]![i]!["master"]!)!;

    [Fact]
    public void ALedgerIsValidatedAtQuorumAndNotBefore()
    {
        var counter = new ValidationCounter();
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(counter.Add(Full(i), Master(i), quorum: 4));
        }

        Assert.Null(counter.Validated);
        var validated = counter.Add(Full(3), Master(3), quorum: 4);
        Assert.NotNull(validated);
        Assert.Equal(1000u, validated.Sequence);
        Assert.Equal((string)fixture.Data["validations"]!["ledgerHash"]!, validated.HashHex);
        Assert.Equal(4, validated.Validations);

        // The fifth does not announce the same ledger again.
        Assert.Null(counter.Add(Full(4), Master(4), quorum: 4));
    }

    [Fact]
    public void EachValidatorCountsOnce()
    {
        var counter = new ValidationCounter();
        for (var i = 0; i < 4; i++)
        {
            Assert.Null(counter.Add(Full(0), Master(0), quorum: 2));
        }

        Assert.Null(counter.Validated);
    }

    [Fact]
    public void PartialValidationsDoNotCount()
    {
        var counter = new ValidationCounter();
        var partial = Validation.TryParse(Hex.Decode((string)fixture.Data["validations"]!["partial"]!), out _)!;
        Assert.Null(counter.Add(partial, Master(0), quorum: 1));
        Assert.Null(counter.Validated);
    }

    [Fact]
    public void AnUnreachableQuorumValidatesNothingAndARecheckCatchesUp()
    {
        var counter = new ValidationCounter();
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(counter.Add(Full(i), Master(i), quorum: int.MaxValue));
        }

        Assert.Equal(1000u, counter.Recheck(4)!.Sequence);
    }
}
