using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;
using static Peerd.Lightning.Tests.Gossip.Announcements;

namespace Peerd.Lightning.Tests.Gossip;

public sealed class GossipResponderTests : IDisposable
{
    private static readonly NodeId Self = Id(100);
    private static readonly NodeId Peer = Id(200);

    private readonly string _dir = Directory.CreateTempSubdirectory("peerd-gossip-").FullName;
    private readonly ManualClock _clock = new();
    private readonly AddressBook _book;
    private readonly List<byte[]> _replies = [];

    public GossipResponderTests() => _book = AddressBook.Open(Path.Combine(_dir, AddressBook.FileName), _clock, NullLogger.Instance);

    public void Dispose()
    {
        _book.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private GossipResponder Responder(GossipResponderOptions? options = null) => new(_book, Self, _clock, NullLogger.Instance, options);

    private GossipOutcome Send(GossipResponder responder, byte[] message) => responder.Handle(Peer, message, _replies.Add);

    [Fact]
    public void ASignedAnnouncementFromAPeerFeedsTheAddressBook()
    {
        var outcome = Send(Responder(), Bytes(1, _clock.UnixSeconds, IPv4("127.0.0.1", 40000)));
        Assert.Equal(GossipOutcome.Stored, outcome);
        Assert.Empty(_replies);
        Assert.Equal(["127.0.0.1:40000"], _book.AddressesFor(Id(1)).Select(e => e.ToString()));
    }

    [Fact]
    public void AForgedAnnouncementGetsAWarningAndIsNotStored()
    {
        Assert.Equal(GossipOutcome.Invalid, Send(Responder(), Forged(1, _clock.UnixSeconds)));
        Assert.Empty(_book.List());
        var warning = Assert.IsType<WarningMessage>(LightningMessageDecoder.Decode(Assert.Single(_replies)).Message);
        Assert.Equal($"Bad signature on node_announcement from {Id(1)}", warning.DataText);
        Assert.True(warning.ChannelId.IsAll);
    }

    [Fact]
    public void OurOwnAnnouncementIsNotStored()
    {
        Assert.Equal(GossipOutcome.Refused, Send(Responder(), Bytes(100, _clock.UnixSeconds, IPv4("127.0.0.1"))));
        Assert.Empty(_book.List());
    }

    [Fact]
    public void AnnouncementsWeHoldCostNoBudget()
    {
        var responder = Responder(new GossipResponderOptions { VerificationBurst = 1, VerificationsPerSecond = 1 });
        var known = Bytes(1, _clock.UnixSeconds);
        Assert.Equal(GossipOutcome.Stored, Send(responder, known));
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(GossipOutcome.Stale, Send(responder, known));
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(GossipOutcome.Stored, Send(responder, Bytes(2, _clock.UnixSeconds)));
    }

    [Fact]
    public void APeerOverItsVerificationBudgetIsDroppedUntilItRefills()
    {
        var responder = Responder(new GossipResponderOptions { VerificationBurst = 2, VerificationsPerSecond = 1 });
        Assert.Equal(GossipOutcome.Stored, Send(responder, Bytes(1, _clock.UnixSeconds)));
        Assert.Equal(GossipOutcome.Invalid, Send(responder, Forged(2, _clock.UnixSeconds)));
        Assert.Equal(GossipOutcome.RateLimited, Send(responder, Bytes(3, _clock.UnixSeconds)));
        Assert.Null(_book.Find(Id(3)));

        // Another peer has its own budget.
        Assert.Equal(GossipOutcome.Stored, responder.Handle(Id(201), Bytes(3, _clock.UnixSeconds), _replies.Add));

        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(GossipOutcome.RateLimited, Send(responder, Bytes(4, _clock.UnixSeconds)));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(GossipOutcome.Stored, Send(responder, Bytes(4, _clock.UnixSeconds)));
    }

    [Fact]
    public void IdleBudgetsAreForgottenWhenManyPeersAreTracked()
    {
        var responder = Responder(new GossipResponderOptions { VerificationBurst = 1, VerificationsPerSecond = 1, PruneThreshold = 2 });
        Assert.Equal(GossipOutcome.Stored, responder.Handle(Id(201), Bytes(1, _clock.UnixSeconds), _replies.Add));
        Assert.Equal(GossipOutcome.Stored, responder.Handle(Id(202), Bytes(2, _clock.UnixSeconds), _replies.Add));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(GossipOutcome.Stored, responder.Handle(Id(203), Bytes(3, _clock.UnixSeconds), _replies.Add));
        Assert.Equal(GossipOutcome.Stored, responder.Handle(Id(201), Bytes(4, _clock.UnixSeconds), _replies.Add));
    }

    [Fact]
    public void ARangeQueryIsAnsweredWithAnEmptyCompleteReply()
    {
        var query = new QueryChannelRange(LightningNetwork.Regtest.ChainHash, 0, uint.MaxValue, Hex.Decode("010103"));
        Assert.Equal(GossipOutcome.Answered, Send(Responder(), query.ToArray()));
        var reply = Assert.IsType<ReplyChannelRange>(ReplyChannelRange.TryDecode(Assert.Single(_replies), out var r, out _) ? r : null);
        Assert.True(reply.SyncComplete);
        Assert.Equal(uint.MaxValue, reply.NumberOfBlocks);
        Assert.Equal("00", Hex.Encode(reply.EncodedShortIds));
    }

    [Fact]
    public void AnIdQueryIsAnsweredWithItsEndMarker()
    {
        Assert.Equal(GossipOutcome.Answered, Send(Responder(), new QueryShortChannelIds(LightningNetwork.Regtest.ChainHash, Hex.Decode("000000010000020003")).ToArray()));
        Assert.True(ReplyShortChannelIdsEnd.TryDecode(Assert.Single(_replies), out var end, out _));
        Assert.False(end.FullInformation);
        Assert.Equal(LightningNetwork.Regtest.ChainHash, end.ChainHash);
    }

    [Fact]
    public void ATruncatedQueryGetsAWarning()
    {
        Assert.Equal(GossipOutcome.Malformed, Send(Responder(), Hex.Decode("0107" + "00")));
        var warning = Assert.IsType<WarningMessage>(LightningMessageDecoder.Decode(Assert.Single(_replies)).Message);
        Assert.Equal("query_channel_range: truncated in chain_hash", warning.DataText);
    }

    [Theory]
    [InlineData("0109")] // gossip_timestamp_filter
    [InlineData("0100")] // channel_announcement
    [InlineData("0102")] // channel_update
    [InlineData("0103")] // announcement_signatures
    [InlineData("0106")] // reply_short_channel_ids_end
    [InlineData("0108")] // reply_channel_range
    public void OtherGossipIsIgnoredSilently(string type)
    {
        Assert.Equal(GossipOutcome.Ignored, Send(Responder(), Hex.Decode(type + new string('0', 200))));
        Assert.Empty(_replies);
    }

    [Theory]
    [InlineData("0012000100000000")]
    [InlineData("8001")]
    [InlineData("01")]
    public void OtherMessagesAreNotGossip(string hex) => Assert.Equal(GossipOutcome.NotGossip, Send(Responder(), Hex.Decode(hex)));
}
