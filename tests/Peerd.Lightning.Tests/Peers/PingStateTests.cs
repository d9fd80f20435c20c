using Peerd.Lightning.Peers;

namespace Peerd.Lightning.Tests.Peers;

public class PingStateTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PongTimeout = TimeSpan.FromSeconds(30);

    private sealed class ManualTime : TimeProvider
    {
        public long Now { get; set; }

        public override long TimestampFrequency => 1000;

        public override long GetTimestamp() => Now;
    }

    [Fact]
    public void ABusyLineIsNotPinged()
    {
        var time = new ManualTime();
        var state = new PingState(time.Now);
        time.Now = 59_000;
        Assert.Equal(PingAction.None, state.Tick(time.Now, Idle, PongTimeout, time));
        state.OnReceived(time.Now);
        time.Now = 100_000;
        Assert.Equal(PingAction.None, state.Tick(time.Now, Idle, PongTimeout, time));
    }

    [Fact]
    public void AnIdleLineIsPingedAndAnAnsweredPingMeasuresTheRoundTrip()
    {
        var time = new ManualTime();
        var state = new PingState(0);
        time.Now = 60_000;
        Assert.Equal(PingAction.SendPing, state.Tick(time.Now, Idle, PongTimeout, time));
        state.OnPingSent(time.Now, 1);
        time.Now = 60_250;
        Assert.True(state.OnPong(time.Now, 1, time));
        Assert.Equal(TimeSpan.FromMilliseconds(250), state.LastRoundTrip);
    }

    [Fact]
    public void AnUnansweredPingHangsUpAfterTheTimeout()
    {
        var time = new ManualTime();
        var state = new PingState(0);
        state.OnPingSent(60_000, 1);
        Assert.Equal(PingAction.None, state.Tick(89_999, Idle, PongTimeout, time));
        Assert.Equal(PingAction.Disconnect, state.Tick(90_000, Idle, PongTimeout, time));
    }

    [Fact]
    public void APongOfTheWrongLengthOrWithoutAPingDoesNotCount()
    {
        var time = new ManualTime();
        var state = new PingState(0);
        Assert.False(state.OnPong(1, 1, time));
        state.OnPingSent(2, 4);
        Assert.False(state.OnPong(3, 5, time));
        Assert.Null(state.LastRoundTrip);
        Assert.True(state.OnPong(4, 4, time));
    }
}
