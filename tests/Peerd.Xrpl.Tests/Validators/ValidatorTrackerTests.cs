using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Validators;
using Peerd.Xrpl.Tests.Support;
using Peerd.Xrpl.Validators;

namespace Peerd.Xrpl.Tests.Validators;

public sealed class ValidatorTrackerTests : IAsyncLifetime, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "peerd-tracker-" + Guid.NewGuid().ToString("N"));
    private ValidatorFixtures _fixtures = null!;

    public async Task InitializeAsync() => _fixtures = await ValidatorFixtures.BuildAsync(now: 830_000_000);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private ValidatorTracker Tracker(TrustAnchors? anchors = null) =>
        new(anchors ?? _fixtures.Anchors, _directory, new OffsetTimeProvider(NetworkTime.Epoch.AddSeconds(_fixtures.Now) - DateTimeOffset.UtcNow), NullLogger.Instance);

    [Fact]
    public void ValidatesALedgerAtQuorumAndRaisesItOnce()
    {
        var tracker = Tracker();
        var raised = new List<ValidatedLedger>();
        tracker.LedgerValidated += raised.Add;
        Assert.Equal(ListDisposition.Accepted, tracker.ApplyList(_fixtures.Envelope("v1"), "test").Best);
        Assert.Equal(4, tracker.Quorum);
        for (var i = 0; i < _fixtures.FullCount; i++)
        {
            Assert.Null(tracker.OnValidation(1, _fixtures.ValidationBytes("full", i)));
            Assert.Equal(i >= 3, tracker.Validated is not null);
        }

        var ledger = Assert.Single(raised);
        Assert.Equal(1000u, ledger.Sequence);
        Assert.Equal(_fixtures.LedgerHash, ledger.HashHex);
        Assert.Equal(4, ledger.Validations);
    }

    [Fact]
    public void RefusesHostileValidationsWithTheirReasonAndCountsNothing()
    {
        var tracker = Tracker();
        tracker.ApplyList(_fixtures.Envelope("v1"), "test");
        Assert.Equal("invalid signature", tracker.OnValidation(1, _fixtures.ValidationBytes("forged")));
        Assert.Equal("untrusted validator", tracker.OnValidation(1, _fixtures.ValidationBytes("outsider")));
        Assert.Equal("not current", tracker.OnValidation(1, _fixtures.ValidationBytes("old")));
        Assert.Equal("invalid public key in validation", tracker.OnValidation(1, _fixtures.ValidationBytes("byMaster")));
        Assert.Equal("validation too small", tracker.OnValidation(1, new byte[10]));
        Assert.Null(tracker.OnValidation(1, _fixtures.ValidationBytes("partial")));
        for (var i = 1; i < 4; i++)
        {
            Assert.Null(tracker.OnValidation(1, _fixtures.ValidationBytes("full", i)));
        }

        // Three full validations and a partial one: one short of the quorum of 4.
        Assert.Null(tracker.Validated);
    }

    [Fact]
    public void WithoutAnchorsNothingIsEverValidated()
    {
        var tracker = Tracker(TrustAnchors.None);
        Assert.Equal(ListDisposition.Untrusted, tracker.ApplyList(_fixtures.Envelope("v1"), "test").Best);
        for (var i = 0; i < _fixtures.FullCount; i++)
        {
            Assert.Equal("untrusted validator", tracker.OnValidation(1, _fixtures.ValidationBytes("full", i)));
        }

        Assert.Null(tracker.Validated);
        Assert.Equal(int.MaxValue, tracker.Quorum);
    }

    [Fact]
    public void AVerifiedListSurvivesARestartAndAForgedCacheIsRefused()
    {
        Tracker().ApplyList(_fixtures.Envelope("v2"), "test");
        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.Equal($"cache.{_fixtures.Publisher.Hex}", Path.GetFileName(file));

        var restarted = Tracker();
        Assert.Equal(int.MaxValue, restarted.Quorum);
        restarted.LoadCache();
        Assert.Equal(4, restarted.Quorum);
        var publisher = Assert.Single(restarted.Publishers());
        Assert.Equal(3u, publisher.Sequence);
        Assert.Equal(4u, Assert.Single(publisher.Pending).Sequence);

        // A cache file someone edited does not verify.
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"signature\":\"3", "\"signature\":\"4", StringComparison.Ordinal));
        var tampered = Tracker();
        tampered.LoadCache();
        Assert.Equal(int.MaxValue, tampered.Quorum);
    }

    [Fact]
    public void ManifestsFromPeersUpdateTheSigningKey()
    {
        var tracker = Tracker();
        tracker.ApplyList(_fixtures.Envelope("v1"), "test");
        var accepted = new List<Manifest>();
        tracker.ManifestAccepted += accepted.Add;
        Assert.Equal("untrusted validator", tracker.OnValidation(1, _fixtures.ValidationBytes("newKey")));
        var manifests = new Protocol.Messages.TMManifests();
        manifests.List.Add(new Protocol.Messages.TMManifest { Stobject = Google.Protobuf.ByteString.CopyFrom(Convert.FromBase64String((string)_fixtures.Data["manifests"]!["newerValidator"]!)) });
        manifests.List.Add(new Protocol.Messages.TMManifest { Stobject = Google.Protobuf.ByteString.CopyFrom([1, 2, 3]) });
        tracker.OnManifests(1, manifests);
        Assert.Single(accepted);
        Assert.Null(tracker.OnValidation(1, _fixtures.ValidationBytes("newKey")));
    }
}
