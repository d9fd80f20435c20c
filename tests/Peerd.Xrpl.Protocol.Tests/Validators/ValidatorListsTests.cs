using System.Text;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Protocol.Tests.Support;
using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Xrpl.Protocol.Tests.Validators;

public class ValidatorListsTests(JsValidatorsFixture fixture) : IClassFixture<JsValidatorsFixture>
{
    private const uint Now = JsValidatorsFixture.Now;

    private ValidatorKey Publisher => ValidatorKey.TryParse((string)fixture.Data["publisher"]!["master"]!)!;

    private ListEnvelope List(string name)
    {
        var envelope = ListEnvelope.TryParseJson(Encoding.UTF8.GetBytes(fixture.Data["lists"]![name]!.ToJsonString()), out var error);
        Assert.True(envelope is not null, error);
        return envelope;
    }

    private ValidatorLists Lists(int threshold = 0) => new([Publisher], [], threshold);

    [Fact]
    public void AcceptsAVersion1ListAndTrustsItsValidators()
    {
        var lists = Lists();
        Assert.Equal(int.MaxValue, lists.Quorum);
        var result = lists.Apply(List("v1"), Now, "test");
        Assert.Equal(ListDisposition.Accepted, result.Best);
        Assert.Equal(Publisher, result.Publisher);
        Assert.Equal(2u, result.Sequence);
        Assert.True(lists.UpdateTrusted(Now));
        Assert.Equal(5, lists.Trusted.Count);
        Assert.Equal(4, lists.Quorum); // ceil(0.8 × 5)
        var publisher = Assert.Single(lists.Publishers);
        Assert.Equal(PublisherStatus.Available, publisher.Status);

        // The listed manifests map each validator's ephemeral key to its master key.
        foreach (var validator in fixture.Data["validators"]!.AsArray())
        {
            var signing = ValidatorKey.TryParse((string)validator!["signing"]!)!;
            Assert.Equal((string)validator["master"]!, lists.TrustedMasterOf(signing)!.Hex);
        }
    }

    [Fact]
    public void AcceptsAVersion2ListAndHoldsTheFutureBlobUntilItIsEffective()
    {
        var lists = Lists();
        var result = lists.Apply(List("v2"), Now, "test");
        Assert.Equal(ListDisposition.Accepted, result.Best);
        Assert.Equal(ListDisposition.Pending, result.Worst);
        Assert.Equal(4u, result.Sequence);
        var publisher = Assert.Single(lists.Publishers);
        Assert.Equal(3u, publisher.Current!.Content.Sequence);
        Assert.Equal(4u, Assert.Single(publisher.Pending).Key);
        Assert.Equal(2u, publisher.RawVersion);

        lists.UpdateTrusted(Now + 600);
        Assert.Equal(4u, publisher.Current!.Content.Sequence);
        Assert.Empty(publisher.Pending);
        Assert.Equal(ListDisposition.Stale, lists.Apply(List("v1"), Now + 600, "test").Best);
    }

    [Fact]
    public void RefusesHostileListsWithTheirReasonAndChangesNothing()
    {
        var lists = Lists();
        Assert.Equal(ListDisposition.Accepted, lists.Apply(List("v1"), Now, "test").Best);
        lists.UpdateTrusted(Now);
        var trusted = lists.Trusted.ToHashSet();

        Assert.Equal(ListDisposition.SameSequence, lists.Apply(List("v1"), Now, "test").Best);
        Assert.Equal(ListDisposition.Stale, lists.Apply(List("stale"), Now, "test").Best);
        Assert.Equal(ListDisposition.Invalid, lists.Apply(List("forged"), Now, "test").Best);
        Assert.Equal(ListDisposition.Invalid, lists.Apply(List("wrongSigner"), Now, "test").Best);
        Assert.Equal(ListDisposition.Untrusted, lists.Apply(List("untrusted"), Now, "test").Best);
        Assert.Equal(ListDisposition.Invalid, lists.Apply(List("notJson"), Now, "test").Best);
        Assert.Equal(ListDisposition.Invalid, lists.Apply(List("noExpiration"), Now, "test").Best);
        Assert.Equal(ListDisposition.Invalid, lists.Apply(List("backwards"), Now, "test").Best);
        Assert.Equal(ListDisposition.UnsupportedVersion, lists.Apply(List("version3"), Now, "test").Best);

        lists.UpdateTrusted(Now);
        Assert.True(trusted.SetEquals(lists.Trusted));
        Assert.Equal(2u, Assert.Single(lists.Publishers).Current!.Content.Sequence);
    }

    [Fact]
    public void AnExpiredListIsKeptButTrustsNobody()
    {
        var lists = Lists();
        Assert.Equal(ListDisposition.Expired, lists.Apply(List("expired"), Now, "test").Best);
        lists.UpdateTrusted(Now);
        Assert.Equal(PublisherStatus.Expired, Assert.Single(lists.Publishers).Status);
        Assert.Empty(lists.Trusted);
        Assert.Equal(int.MaxValue, lists.Quorum);
    }

    [Fact]
    public void TheCurrentListExpiresWithTime()
    {
        var lists = Lists();
        lists.Apply(List("v1"), Now, "test");
        lists.UpdateTrusted(Now);
        Assert.Equal(4, lists.Quorum);
        Assert.True(lists.UpdateTrusted(Now + 3600));
        Assert.Equal(PublisherStatus.Expired, Assert.Single(lists.Publishers).Status);
        Assert.Equal(int.MaxValue, lists.Quorum);
    }

    [Fact]
    public void ARevokedPublisherIsUntrustedForGood()
    {
        var lists = Lists();
        lists.Apply(List("v1"), Now, "test");
        lists.UpdateTrusted(Now);
        Assert.Equal(ListDisposition.Untrusted, lists.Apply(List("revokedPublisher"), Now, "test").Best);
        lists.UpdateTrusted(Now);
        Assert.Equal(PublisherStatus.Revoked, Assert.Single(lists.Publishers).Status);
        Assert.Empty(lists.Trusted);
        Assert.Equal(ListDisposition.Untrusted, lists.Apply(List("v2"), Now, "test").Best);
    }

    [Fact]
    public void ARevokedValidatorLeavesTheTrustedSet()
    {
        var lists = Lists();
        lists.Apply(List("v1"), Now, "test");
        lists.UpdateTrusted(Now);
        var revocation = Manifest.TryParseBase64((string)fixture.Data["manifests"]!["revokedValidator"]!, out _)!;
        Assert.Equal(ManifestDisposition.Accepted, lists.ApplyManifest(revocation));
        lists.UpdateTrusted(Now);
        Assert.Equal(4, lists.Trusted.Count);
        Assert.DoesNotContain(revocation.MasterKey, lists.Trusted);
    }

    [Fact]
    public void StaticValidatorsNeedNoPublisher()
    {
        var keys = fixture.Data["validators"]!.AsArray().Select(v => ValidatorKey.TryParse((string)v!["master"]!)!).ToList();
        var lists = new ValidatorLists([], keys, 0);
        lists.UpdateTrusted(Now);
        Assert.Equal(5, lists.Trusted.Count);
        Assert.Equal(4, lists.Quorum);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 4)]
    [InlineData(10, 8)]
    [InlineData(35, 28)]
    [InlineData(36, 29)]
    [InlineData(0, int.MaxValue)]
    public void QuorumIsEightyPercentRoundedUp(int unl, int quorum) => Assert.Equal(quorum, ValidatorLists.QuorumFor(unl, 1, 0, 1));

    [Fact]
    public void QuorumIsUnreachableWhileTooManyPublishersHaveNoList()
    {
        Assert.Equal(int.MaxValue, ValidatorLists.QuorumFor(35, 1, 1, 1));
        Assert.Equal(28, ValidatorLists.QuorumFor(35, 2, 1, 1)); // two publishers, threshold 1: one is enough
        Assert.Equal(int.MaxValue, ValidatorLists.QuorumFor(35, 2, 1, 2));
        Assert.Equal(int.MaxValue, ValidatorLists.QuorumFor(35, 3, 2, 2));
        Assert.Equal(28, ValidatorLists.QuorumFor(35, 3, 1, 2));
    }

    [Fact]
    public void EnvelopeRefusesWrongShapes()
    {
        Assert.Null(ListEnvelope.TryParseJson("[]"u8, out var error));
        Assert.Null(ListEnvelope.TryParseJson("{\"manifest\":\"x\",\"version\":1}"u8, out error));
        Assert.Equal("a version 1 list needs blob and signature", error);
        Assert.Null(ListEnvelope.TryParseJson("{\"manifest\":\"x\",\"version\":2,\"blobs_v2\":[]}"u8, out error));
        Assert.Null(ListEnvelope.TryParseJson("{"u8, out error));
        Assert.Equal("not JSON", error);
        var six = new JsonArray([.. Enumerable.Range(0, 6).Select(_ => (JsonNode)new JsonObject { ["blob"] = "e30=", ["signature"] = "00" })]);
        Assert.Null(ListEnvelope.TryParseJson(Encoding.UTF8.GetBytes(new JsonObject { ["manifest"] = "x", ["version"] = 2, ["blobs_v2"] = six }.ToJsonString()), out error));
    }
}
