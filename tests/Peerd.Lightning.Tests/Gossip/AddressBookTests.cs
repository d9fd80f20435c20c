using Microsoft.Extensions.Time.Testing;
using Peerd.TestKit;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Peerd.Lightning.Gossip;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Lightning.Transport;
using static Peerd.Lightning.Tests.Gossip.Announcements;

namespace Peerd.Lightning.Tests.Gossip;

public sealed class AddressBookTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("peerd-book-").FullName;
    private readonly FakeTimeProvider _clock = TestClock.Create();

    private string BookPath => Path.Combine(_dir, AddressBook.FileName);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] Sorted(params NodeId[] ids) => [.. ids.Select(i => i.ToString()).Order(StringComparer.Ordinal)];

    private AddressBook Open(AddressBookOptions? options = null, ILogger? logger = null) =>
        AddressBook.Open(BookPath, _clock, logger ?? NullLogger.Instance, options);

    [Fact]
    public void ASignedAnnouncementIsStoredAndItsAddressesOffered()
    {
        using var book = Open();
        var result = book.TryAccept(Bytes(1, _clock.UnixSeconds(), IPv4("203.0.113.1")));
        Assert.Equal(AcceptStatus.Accepted, result.Status);
        Assert.Equal(Id(1), result.Node);
        Assert.Equal(["203.0.113.1:9735"], book.AddressesFor(Id(1)).Select(e => e.ToString()));
        var record = Assert.Single(book.List());
        Assert.Equal("node-1", record.Announcement!.AliasText);
        Assert.Equal(_clock.UnixSeconds(), record.LastTimestamp);
    }

    [Fact]
    public void AForgedSignatureIsRejectedAndNeverStored()
    {
        using (var book = Open())
        {
            long empty = book.Statistics.FileBytes;
            var result = book.TryAccept(Forged(1, _clock.UnixSeconds()));
            Assert.Equal(AcceptStatus.Invalid, result.Status);
            Assert.Equal($"Bad signature on node_announcement from {Id(1)}", result.Reason);
            Assert.Empty(book.List());
            Assert.Empty(book.AddressesFor(Id(1)));
            Assert.Equal(empty, book.Statistics.FileBytes);
        }

        using var reopened = Open();
        Assert.Empty(reopened.List());
    }

    [Fact]
    public void AnInvalidNodeIdIsRejected()
    {
        var bytes = Bytes(1, _clock.UnixSeconds());
        // node_id starts after type 2, signature 64, flen 2, features 6 and timestamp 4: an x coordinate of all ones is off the curve.
        bytes.AsSpan(2 + 64 + 2 + 6 + 4 + 1, 32).Fill(0xff);
        using var book = Open();
        var result = book.TryAccept(bytes);
        Assert.Equal(AcceptStatus.Invalid, result.Status);
        Assert.Equal("node_announcement: node_id is not a valid public key", result.Reason);
    }

    [Fact]
    public void AMalformedAnnouncementIsInvalidWithTheDecodeReason()
    {
        using var book = Open();
        var result = book.TryAccept(Bytes(1, _clock.UnixSeconds())[..80]);
        Assert.Equal(AcceptStatus.Invalid, result.Status);
        Assert.Contains("truncated", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyANewerTimestampReplacesTheAnnouncement()
    {
        uint t = _clock.UnixSeconds();
        using var book = Open();
        Assert.Equal(AcceptStatus.Accepted, book.TryAccept(Bytes(1, t, IPv4("203.0.113.1"))).Status);
        Assert.Equal(AcceptStatus.Stale, book.TryAccept(Bytes(1, t, IPv4("203.0.113.2"))).Status);
        Assert.Equal(AcceptStatus.Stale, book.TryAccept(Bytes(1, t - 1, IPv4("203.0.113.3"))).Status);
        Assert.Equal(["203.0.113.1:9735"], book.AddressesFor(Id(1)).Select(e => e.ToString()));
        Assert.Equal(AcceptStatus.Accepted, book.TryAccept(Bytes(1, t + 1, IPv4("203.0.113.4"))).Status);
        Assert.Equal(["203.0.113.4:9735"], book.AddressesFor(Id(1)).Select(e => e.ToString()));
        Assert.False(book.IsNewer(Id(1), t + 1));
        Assert.True(book.IsNewer(Id(1), t + 2));
        Assert.True(book.IsNewer(Id(2), 0));
    }

    [Fact]
    public void AStaleForgeryCostsNoSignatureCheckAndStoresNothing()
    {
        uint t = _clock.UnixSeconds();
        using var book = Open();
        book.TryAccept(Bytes(1, t + 10));
        Assert.Equal(AcceptStatus.Stale, book.TryAccept(Forged(1, t)).Status);
    }

    [Fact]
    public void LimitsRefuseOversizedAndFutureAnnouncements()
    {
        using var book = Open(new AddressBookOptions { MaxAnnouncementLength = 200 });
        var big = Bytes(1, _clock.UnixSeconds(), Dns(new string('a', 120)));
        var tooBig = book.TryAccept(big);
        Assert.Equal(AcceptStatus.Refused, tooBig.Status);
        Assert.Equal($"node_announcement of {big.Length} bytes is over the 200-byte limit", tooBig.Reason);

        var ahead = book.TryAccept(Bytes(2, _clock.UnixSeconds() + (uint)TimeSpan.FromDays(1).TotalSeconds + 1));
        Assert.Equal(AcceptStatus.Refused, ahead.Status);
        Assert.Contains("ahead of our clock", ahead.Reason, StringComparison.Ordinal);
        Assert.Equal(AcceptStatus.Accepted, book.TryAccept(Bytes(2, _clock.UnixSeconds() + (uint)TimeSpan.FromDays(1).TotalSeconds)).Status);
        Assert.Single(book.List());
    }

    [Fact]
    public void UnknownEvenFeaturesAreStoredFlaggedAndStillOffered()
    {
        using var book = Open();
        var features = OurFeatures.Node.With(100);
        Assert.Equal(AcceptStatus.Accepted, book.TryAccept(Sign(1, _clock.UnixSeconds(), features, IPv4("203.0.113.1")).ToArray()).Status);
        Assert.True(book.Find(Id(1))!.HasUnknownRequiredFeatures);
        Assert.Single(book.AddressesFor(Id(1)));
    }

    [Fact]
    public void ConnectedAddressesAreRememberedAfterTheAnnouncedOnes()
    {
        using var book = Open();
        book.TryAccept(Bytes(1, _clock.UnixSeconds(), IPv4("203.0.113.1"), IPv6("2001:db8::1")));
        book.RememberConnected(Id(1), PeerEndpoint.FromIp(IPAddress.Parse("198.51.100.7"), 9735));
        _clock.Advance(TimeSpan.FromSeconds(1));
        book.RememberConnected(Id(1), PeerEndpoint.LocalSocket("/run/peer.sock"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        book.RememberConnected(Id(1), PeerEndpoint.FromIp(IPAddress.Parse("203.0.113.1"), 9735));
        Assert.Equal(
            ["[2001:db8::1]:9735", "203.0.113.1:9735", "/run/peer.sock", "198.51.100.7:9735"],
            book.AddressesFor(Id(1)).Select(e => e.ToString()));
    }

    [Fact]
    public void ANodeKnownOnlyFromAConnectionCanBeReachedById()
    {
        using var book = Open();
        book.RememberConnected(Id(5), PeerEndpoint.DnsName("peer.example", 9736));
        Assert.Equal(["peer.example:9736"], book.AddressesFor(Id(5)).Select(e => e.ToString()));
        var record = Assert.Single(book.List());
        Assert.Null(record.Announcement);
        Assert.Empty(book.AddressesFor(Id(6)));
    }

    [Fact]
    public void ConnectedAddressesPerNodeAreBoundedKeepingTheMostRecent()
    {
        using var book = Open(new AddressBookOptions { MaxConnectedAddresses = 2 });
        for (int i = 1; i <= 4; i++)
        {
            book.RememberConnected(Id(1), PeerEndpoint.FromIp(IPAddress.Parse($"198.51.100.{i}"), 9735));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(["198.51.100.4:9735", "198.51.100.3:9735"], book.AddressesFor(Id(1)).Select(e => e.ToString()));
    }

    [Fact]
    public void TheBookSurvivesARestart()
    {
        uint t = _clock.UnixSeconds();
        string before;
        using (var book = Open())
        {
            book.TryAccept(Bytes(1, t, IPv4("203.0.113.1"), Dns("one.example")));
            book.TryAccept(Bytes(2, t, Onion()));
            book.TryAccept(Bytes(1, t + 5, IPv6("2001:db8::5")));
            book.RememberConnected(Id(3), PeerEndpoint.FromIp(IPAddress.Parse("198.51.100.3"), 19846));
            before = ListNodesJson.ToJson(book.List(), includeConnected: true);
        }

        using var reopened = Open();
        Assert.Equal(before, ListNodesJson.ToJson(reopened.List(), includeConnected: true));
        Assert.Equal(["[2001:db8::5]:9735"], reopened.AddressesFor(Id(1)).Select(e => e.ToString()));
        Assert.Equal(AcceptStatus.Stale, reopened.TryAccept(Bytes(1, t + 5)).Status);
    }

    [Fact]
    public void ACrashMidWriteLosesOnlyTheTornRecord()
    {
        uint t = _clock.UnixSeconds();
        long afterTwo;
        long afterThree;
        using (var book = Open())
        {
            book.TryAccept(Bytes(1, t, IPv4("203.0.113.1")));
            book.RememberConnected(Id(2), PeerEndpoint.FromIp(IPAddress.Parse("198.51.100.2"), 9735));
            afterTwo = book.Statistics.FileBytes;
            book.TryAccept(Bytes(3, t, IPv4("203.0.113.3")));
            afterThree = book.Statistics.FileBytes;
        }

        var whole = File.ReadAllBytes(BookPath);
        Assert.Equal(afterThree, whole.Length);
        for (long cut = afterTwo + 1; cut < afterThree; cut++)
        {
            File.WriteAllBytes(BookPath, whole[..(int)cut]);
            using (var book = Open())
            {
                Assert.Equal(Sorted(Id(1), Id(2)), Sorted([.. book.List().Select(r => r.Id)]));
                Assert.Equal(afterTwo, book.Statistics.FileBytes);
                Assert.Equal(AcceptStatus.Accepted, book.TryAccept(Bytes(4, t)).Status);
            }

            using var again = Open();
            Assert.Equal(3, again.List().Count);
        }
    }

    [Fact]
    public async Task ACopyTakenWhileWritingOpensToAWholePrefixOfTheRecords()
    {
        // What a kill -9 leaves is what the kernel holds at that instant: copying the file under a busy writer
        // catches it between and in the middle of records.
        uint t = _clock.UnixSeconds();
        var messages = Enumerable.Range(1, 400).Select(n => Bytes(n, t, IPv4("203.0.113.1"))).ToArray();
        var snapshots = new List<byte[]>();
        using (var book = Open())
        {
            var writer = Task.Run(() =>
            {
                foreach (var message in messages)
                {
                    Assert.Equal(AcceptStatus.Accepted, book.TryAccept(message).Status);
                }
            });
            while (!writer.IsCompleted)
            {
                using var copy = new FileStream(BookPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                var bytes = new byte[copy.Length];
                copy.ReadExactly(bytes);
                snapshots.Add(bytes);
                await Task.Yield();
            }

            await writer;
        }

        Assert.NotEmpty(snapshots);
        long frame = 8 + 1 + messages[0].Length;
        foreach (var snapshot in snapshots)
        {
            File.WriteAllBytes(BookPath, snapshot);
            using var book = Open();
            int whole = (int)((snapshot.Length - 8) / frame);
            Assert.Equal(whole, book.Statistics.Nodes);
            Assert.Equal(8 + (whole * frame), book.Statistics.FileBytes);
            Assert.All(book.List(), r => Assert.True(r.Announcement!.VerifySignature()));
        }
    }

    [Fact]
    public void AFlippedByteDropsThatRecordAndEverythingAfterButKeepsEarlierOnes()
    {
        uint t = _clock.UnixSeconds();
        long afterOne;
        long afterTwo;
        using (var book = Open())
        {
            book.TryAccept(Bytes(1, t));
            afterOne = book.Statistics.FileBytes;
            book.TryAccept(Bytes(2, t));
            afterTwo = book.Statistics.FileBytes;
            book.TryAccept(Bytes(3, t));
        }

        var whole = File.ReadAllBytes(BookPath);
        foreach (long offset in new[] { afterOne, afterOne + 3, afterOne + 5, afterOne + 8, afterOne + 40, afterTwo - 1 })
        {
            var damaged = (byte[])whole.Clone();
            damaged[offset] ^= 0x10;
            File.WriteAllBytes(BookPath, damaged);
            var logger = new CapturedLog();
            using var book = Open(logger: logger);
            Assert.Equal([Id(1)], book.List().Select(r => r.Id));
            Assert.Equal(afterOne, new FileInfo(BookPath).Length);
            Assert.Contains(logger.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains($"at offset {afterOne}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ATornHeaderStartsAnEmptyBook()
    {
        File.WriteAllBytes(BookPath, "PEER"u8.ToArray());
        using var book = Open();
        Assert.Empty(book.List());
        Assert.Equal(AcceptStatus.Accepted, book.TryAccept(Bytes(1, _clock.UnixSeconds())).Status);
    }

    [Fact]
    public void AFileThatIsNotAnAddressBookIsMovedAsideNotDestroyed()
    {
        File.WriteAllText(BookPath, "something else entirely");
        using var book = Open();
        Assert.Empty(book.List());
        Assert.Equal("something else entirely", File.ReadAllText(BookPath + ".unreadable"));
    }

    [Fact]
    public void TheLogCompactsWhenMostOfItIsDead()
    {
        uint t = _clock.UnixSeconds();
        var options = new AddressBookOptions { CompactionMinimumBytes = 4_096 };
        long record;
        using (var book = Open(options))
        {
            book.TryAccept(Bytes(2, t, IPv4("203.0.113.2")));
            book.RememberConnected(Id(2), PeerEndpoint.LocalSocket("/tmp/peer-2"));
            long start = book.Statistics.FileBytes;
            book.TryAccept(Bytes(1, t, IPv4("203.0.113.1")));
            record = book.Statistics.FileBytes - start;
            for (uint i = 1; i <= 200; i++)
            {
                Assert.Equal(AcceptStatus.Accepted, book.TryAccept(Bytes(1, t + i, IPv4("203.0.113.1"))).Status);
            }

            // Compaction runs on a pool thread after an append; once it has, the log is back within twice what lives.
            var compacted = SpinWait.SpinUntil(
                () => book.Statistics is var s && s.FileBytes <= Math.Max(4_096, 2 * (s.LiveBytes + record)) + 8,
                TimeSpan.FromSeconds(10));
            Assert.True(compacted, $"the log never compacted: {book.Statistics.FileBytes} bytes");
        }

        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
        using var reopened = Open(options);
        Assert.Equal(t + 200, reopened.Find(Id(1))!.LastTimestamp);
        Assert.Equal(["203.0.113.2:9735", "/tmp/peer-2"], reopened.AddressesFor(Id(2)).Select(e => e.ToString()));
    }

    [Fact]
    public void WhenFullTheOldestNeverConnectedNodeIsForgotten()
    {
        uint t = _clock.UnixSeconds();
        var options = new AddressBookOptions { MaxNodes = 3 };
        using (var book = Open(options))
        {
            book.TryAccept(Bytes(1, t - 100));
            book.RememberConnected(Id(1), PeerEndpoint.FromIp(IPAddress.Loopback, 9735));
            book.TryAccept(Bytes(2, t - 50));
            book.TryAccept(Bytes(3, t - 10));
            book.TryAccept(Bytes(4, t));
            Assert.Equal(Sorted(Id(1), Id(3), Id(4)), Sorted([.. book.List().Select(r => r.Id)]));
        }

        using var reopened = Open(options);
        Assert.Equal(Sorted(Id(1), Id(3), Id(4)), Sorted([.. reopened.List().Select(r => r.Id)]));
    }

    [Fact]
    public void ConcurrentWritersLeaveAConsistentLog()
    {
        uint t = _clock.UnixSeconds();
        using (var book = Open())
        {
            Parallel.For(1, 201, n =>
            {
                Assert.Equal(AcceptStatus.Accepted, book.TryAccept(Bytes(n, t, IPv4("203.0.113.9"))).Status);
                book.RememberConnected(Id(n), PeerEndpoint.FromIp(IPAddress.Loopback, 10_000 + n));
            });
            Assert.Equal(200, book.Statistics.Nodes);
        }

        using var reopened = Open();
        Assert.Equal(200, reopened.List().Count);
        Assert.All(reopened.List(), r => Assert.Single(r.Connected));
    }

    [Fact]
    public void StoredBytesAreTheAnnouncementAsReceived()
    {
        var announcement = Sign(1, _clock.UnixSeconds(), IPv4("203.0.113.1"));
        using (var book = Open())
        {
            book.TryAccept(announcement.ToArray());
        }

        using var reopened = Open();
        var stored = reopened.Find(Id(1))!.Announcement!;
        Assert.Equal(announcement.ToArray(), stored.ToArray());
        Assert.True(stored.VerifySignature());
    }

    [Fact]
    public void AfterDisposeWritesAreRefused()
    {
        var book = Open();
        book.Dispose();
        Assert.Throws<ObjectDisposedException>(() => book.RememberConnected(Id(1), PeerEndpoint.FromIp(IPAddress.Loopback, 1)));
    }
}
