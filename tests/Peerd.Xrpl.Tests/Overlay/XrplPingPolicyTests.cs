using Microsoft.Extensions.Time.Testing;
using Peerd.Peering.Connections;
using Peerd.Xrpl.Overlay;
using Peerd.Xrpl.Protocol.Framing;
using Peerd.Xrpl.Protocol.Messages;

namespace Peerd.Xrpl.Tests.Overlay;

/// <summary>rippled's ping rule on a fake clock: a cookie per tick, "Ping Timeout" on the next tick if unanswered, the 7/8 average.</summary>
public class XrplPingPolicyTests
{
    private readonly FakeTimeProvider _time = new();
    private uint _nextCookie = 100;

    [Fact]
    public void EachTickPingsWithAFreshCookieAndAnUnansweredOneDropsThePeer()
    {
        var policy = new XrplPingPolicy(_time, () => _nextCookie++);
        Assert.Equal(LivenessAction.SendPing, policy.Tick(_time.GetTimestamp(), out var ping));
        Assert.Equal(100u, Decode(ping!).Seq);

        _time.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(LivenessAction.Disconnect, policy.Tick(_time.GetTimestamp(), out _));
    }

    [Fact]
    public void OnlyAPongWithTheRightCookieCountsAndTrafficDoesNot()
    {
        var policy = new XrplPingPolicy(_time, () => _nextCookie++);
        policy.Tick(_time.GetTimestamp(), out _);
        _time.Advance(TimeSpan.FromMilliseconds(80));
        policy.OnReceived(_time.GetTimestamp());
        Assert.False(policy.OnPong(999, _time.GetTimestamp()));
        Assert.Null(policy.Latency);
        Assert.True(policy.OnPong(100, _time.GetTimestamp()));
        Assert.Equal(TimeSpan.FromMilliseconds(80), policy.Latency);

        // The next round trip moves the average by an eighth of the difference.
        Assert.Equal(LivenessAction.SendPing, policy.Tick(_time.GetTimestamp(), out _));
        _time.Advance(TimeSpan.FromMilliseconds(160));
        Assert.True(policy.OnPong(101, _time.GetTimestamp()));
        Assert.Equal(TimeSpan.FromMilliseconds(90), policy.Latency);
    }

    private static TMPing Decode(byte[] frame)
    {
        var status = XrplFrameReader.TryReadFrame(new System.Buffers.ReadOnlySequence<byte>(frame), false, out var parsed, out _, out _, out _);
        Assert.Equal(System.Buffers.OperationStatus.Done, status);
        Assert.Equal(MessageDecodeStatus.Decoded, XrplMessageDecoder.TryDecode(parsed.Header.Type, parsed.Payload, out var message));
        return (TMPing)message!;
    }
}
