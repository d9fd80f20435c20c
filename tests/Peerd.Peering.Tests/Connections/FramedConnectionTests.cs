using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Microsoft.Extensions.Time.Testing;
using Peerd.Peering.Connections;
using Peerd.Peering.Tests.Support;
using Peerd.TestKit;

namespace Peerd.Peering.Tests.Connections;

/// <summary>
/// The shared connection over an in-memory stream pair and a fake clock (no sockets, no sleeps): messages in and out,
/// the bounded queue, every exit path's teardown (exactly once, everything released), exception isolation, liveness
/// and the close deadlines.
/// </summary>
public sealed class FramedConnectionTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<(Exception Error, string Where)> _faults = [];

    [Fact]
    public async Task MessagesArriveWholeAndInOrderHoweverTheBytesAreSplit()
    {
        var (connection, duplex, _) = Create();
        var received = new List<byte[]>();
        var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Start((_, message) =>
        {
            received.Add(message.ToArray());
            if (received.Count == 3)
            {
                third.SetResult();
            }
        });

        byte[] wire = [.. LengthPrefixCodec.Frame(1), .. LengthPrefixCodec.Frame(), .. LengthPrefixCodec.Frame(new byte[5000])];
        foreach (var b in wire)
        {
            await duplex.Remote.WriteAsync(new[] { b });
            await duplex.Remote.Output.FlushAsync();
        }

        await third.Task;
        Assert.Equal([1], received[0]);
        Assert.Empty(received[1]);
        Assert.Equal(5000, received[2].Length);
        Assert.Equal(wire.Length, connection.BytesReceived);
        Assert.Equal(3, connection.MessagesReceived);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task QueuedMessagesLeaveCoalescedInOneWrite()
    {
        var (connection, duplex, _) = Create();
        Assert.True(connection.TrySend([1]));
        Assert.True(connection.TrySend([2, 2]));
        Assert.True(connection.TrySend([3, 3, 3]));
        connection.Start((_, _) => { });

        var frames = await ReadFramesAsync(duplex.Remote, 3);
        Assert.Equal([[1], [2, 2], [3, 3, 3]], frames);
        Assert.Equal(1, duplex.Local.Writes);
        Assert.Equal(12, connection.BytesSent);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task AFullQueueClosesTheConnectionInsteadOfBuffering()
    {
        var (connection, duplex, codec) = Create(new FramedConnectionOptions { SendQueueCapacity = 2 });
        Assert.True(connection.TrySend([1]));
        Assert.True(connection.TrySend([2]));
        Assert.False(connection.TrySend([3]));
        Assert.Equal(CloseKind.QueueFull, connection.CloseInfo?.Kind);

        await connection.DisposeAsync();
        var close = await connection.Completion;
        Assert.Equal(new ConnectionClose(CloseKind.QueueFull, "send queue full: peer is not reading"), close);
        Assert.True(duplex.Local.IsDisposed);
        Assert.True(codec.Disposed);
    }

    [Fact]
    public async Task APeerThatStopsReadingIsDisconnectedOnceTheQueueFillsEvenWithAWriteBlocked()
    {
        const int capacity = 8;
        var (connection, duplex, _) = Create(new FramedConnectionOptions { SendQueueCapacity = capacity }, pauseWriterThreshold: 16);
        connection.Start((_, _) => { });

        // The write loop takes at most one queue's worth into its blocked write; then the queue fills.
        var accepted = 0;
        while (connection.TrySend(new byte[100]))
        {
            accepted++;
            Assert.True(accepted <= 2 * capacity, "the queue grew past its bound");
        }

        var close = await connection.Completion;
        Assert.Equal(CloseKind.QueueFull, close.Kind);
        Assert.True(duplex.Local.IsDisposed);
    }

    [Fact]
    public async Task ThePeersEndOfStreamEndsTheConnection()
    {
        var (connection, duplex, codec) = Create();
        connection.Start((_, _) => { });
        await duplex.Remote.Output.CompleteAsync();

        Assert.Equal(new ConnectionClose(CloseKind.PeerClosed, "peer closed connection"), await connection.Completion);
        Assert.True(duplex.Local.IsDisposed);
        Assert.True(codec.Disposed);
    }

    [Fact]
    public async Task AnEndOfStreamInsideAFrameHasItsOwnText()
    {
        var options = new FramedConnectionOptions { Texts = new CloseTexts { PeerClosedMidFrame = "closed inside a frame" } };
        var (connection, duplex, _) = Create(options);
        connection.Start((_, _) => { });
        await duplex.Remote.WriteAsync(new byte[] { 0, 5, 1 });
        await duplex.Remote.Output.CompleteAsync();

        Assert.Equal(new ConnectionClose(CloseKind.PeerClosed, "closed inside a frame"), await connection.Completion);
    }

    [Fact]
    public async Task AReadErrorEndsTheConnection()
    {
        var options = new FramedConnectionOptions { Texts = new CloseTexts { ReadFailed = e => $"read: {e.Message}" } };
        var (connection, duplex, _) = Create(options);
        connection.Start((_, _) => { });
        await duplex.Remote.Output.CompleteAsync(new IOException("Connection reset by peer"));

        Assert.Equal(new ConnectionClose(CloseKind.ReadFailed, "read: Connection reset by peer"), await connection.Completion);
        Assert.True(duplex.Local.IsDisposed);
    }

    [Fact]
    public async Task AWriteErrorEndsTheConnection()
    {
        var options = new FramedConnectionOptions { Texts = new CloseTexts { WriteFailed = e => $"write: {e.Message}" } };
        var (connection, duplex, _) = Create(options);
        await duplex.Remote.Input.CompleteAsync();
        connection.Start((_, _) => { });
        connection.TrySend([1]);

        Assert.Equal(new ConnectionClose(CloseKind.WriteFailed, "write: Broken pipe"), await connection.Completion);
        Assert.True(duplex.Local.IsDisposed);
    }

    [Fact]
    public async Task ABrokenFrameEndsTheConnectionWithTheCodecsReason()
    {
        var (connection, duplex, _) = Create();
        connection.Start((_, _) => { });
        await duplex.Remote.WriteAsync(new byte[] { 0xFF, 0xFF });

        Assert.Equal(new ConnectionClose(CloseKind.InvalidFrame, "bad frame: length 65535"), await connection.Completion);
    }

    [Fact]
    public async Task AHandlerThatThrowsEndsOnlyItsOwnConnectionAndIsLoggedOnce()
    {
        var (broken, brokenDuplex, _) = Create();
        var (healthy, healthyDuplex, _) = Create();
        var bug = new InvalidOperationException("handler bug");
        broken.Start((_, _) => throw bug);
        var delivered = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        healthy.Start((_, message) => delivered.TrySetResult(message.ToArray()));

        await brokenDuplex.Remote.WriteAsync(LengthPrefixCodec.Frame(1));
        Assert.Equal(new ConnectionClose(CloseKind.Fault, "internal error"), await broken.Completion);
        Assert.Same(bug, broken.Fault);
        Assert.True(brokenDuplex.Local.IsDisposed);

        await healthyDuplex.Remote.WriteAsync(LengthPrefixCodec.Frame(7));
        Assert.Equal([7], await delivered.Task);
        Assert.False(healthy.IsClosing);
        Assert.Equal([(bug, "a message handler")], _faults);
        await healthy.DisposeAsync();
    }

    [Fact]
    public async Task AClosedSubscriberThatThrowsIsLoggedAndTheOthersStillRun()
    {
        var (connection, _, _) = Create();
        var bug = new InvalidOperationException("subscriber bug");
        var told = new List<ConnectionClose>();
        connection.Closed += (_, _) => throw bug;
        connection.Closed += (_, close) => told.Add(close);

        connection.Close("disconnected by request");
        await connection.DisposeAsync();

        Assert.Equal([new ConnectionClose(CloseKind.Local, "disconnected by request")], told);
        Assert.Equal([(bug, "a Closed subscriber")], _faults);
        Assert.True(connection.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task TeardownRunsOnceAndTheFirstReasonWins()
    {
        var (connection, _, _) = Create();
        var told = 0;
        connection.Closed += (_, _) => told++;
        connection.Start((_, _) => { });

        connection.Close("first");
        connection.Close(CloseKind.QueueFull, "second");
        Assert.False(connection.TrySend([1]));
        await connection.DisposeAsync();
        await connection.DisposeAsync();

        Assert.Equal(1, told);
        Assert.Equal(new ConnectionClose(CloseKind.Local, "first"), await connection.Completion);
    }

    [Fact]
    public async Task ADisposedConnectionThatNeverStartedIsReleasedAndStartsNothing()
    {
        var (connection, duplex, codec) = Create();
        await connection.DisposeAsync();
        connection.Start((_, _) => throw new InvalidOperationException("must not run"));

        Assert.Equal(new ConnectionClose(CloseKind.Local, "closed"), await connection.Completion);
        Assert.True(duplex.Local.IsDisposed);
        Assert.True(codec.Disposed);
    }

    [Fact]
    public async Task AConnectionHeldAtItsReadGateStillClosesAtOnce()
    {
        var (connection, duplex, _) = Create();
        var atGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Start((_, _) => { }, async (_, token) =>
        {
            atGate.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
        });

        await atGate.Task;
        connection.Close("shutting down");

        Assert.Equal(new ConnectionClose(CloseKind.Local, "shutting down"), await connection.Completion);
        Assert.True(duplex.Local.IsDisposed);
    }

    [Fact]
    public async Task AnIdleLineIsPingedAndClosedWhenThePingGoesUnanswered()
    {
        var policy = new IdlePingPolicy(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), _time);
        var options = new FramedConnectionOptions { Texts = new CloseTexts { LivenessTimeout = "Last ping unreturned: hanging up" } };
        var (connection, duplex, _) = Create(options);
        connection.Start((_, _) => { }, liveness: policy);

        Assert.Equal(LivenessAction.None, connection.CheckLiveness());
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(LivenessAction.SendPing, connection.CheckLiveness());
        Assert.Equal([IdlePingPolicy.Ping], await ReadFramesAsync(duplex.Remote, 1));

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(LivenessAction.None, connection.CheckLiveness());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(LivenessAction.Disconnect, connection.CheckLiveness());
        Assert.Equal(new ConnectionClose(CloseKind.LivenessTimeout, "Last ping unreturned: hanging up"), await connection.Completion);
    }

    [Fact]
    public async Task TrafficFromThePeerKeepsTheLineAlive()
    {
        var policy = new IdlePingPolicy(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), _time);
        var (connection, duplex, _) = Create();
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Start((_, _) => delivered.TrySetResult(), liveness: policy);

        _time.Advance(TimeSpan.FromSeconds(20));
        await duplex.Remote.WriteAsync(LengthPrefixCodec.Frame(1));
        await delivered.Task;
        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(LivenessAction.None, connection.CheckLiveness());
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task FlushAndCloseSendsWhatIsQueuedThenCloses()
    {
        var (connection, duplex, _) = Create();
        connection.Start((_, _) => { });
        connection.TrySend([1]);
        connection.TrySend([2]);

        await connection.FlushAndCloseAsync("bad message", TimeSpan.FromSeconds(1));

        Assert.Equal([[1], [2]], await ReadFramesAsync(duplex.Remote, 2));
        Assert.Equal(new ConnectionClose(CloseKind.Local, "bad message"), await connection.Completion);
    }

    [Fact]
    public async Task FlushAndCloseGivesUpAtItsDeadlineWhenThePeerDoesNotRead()
    {
        var (connection, duplex, _) = Create(pauseWriterThreshold: 16);
        connection.Start((_, _) => { });
        connection.TrySend(new byte[1000]);

        var closing = connection.FlushAndCloseAsync("bad message", TimeSpan.FromSeconds(1));
        Assert.False(closing.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await closing;

        Assert.Equal(new ConnectionClose(CloseKind.Local, "bad message"), await connection.Completion);
        Assert.True(duplex.Local.IsDisposed);
    }

    [Fact]
    public async Task WithACloseGraceTheWriteInFlightFinishesAndTheCodecShutsTheStreamDown()
    {
        var (connection, duplex, codec) = Create(new FramedConnectionOptions { CloseGrace = TimeSpan.FromSeconds(5) }, pauseWriterThreshold: 16);
        connection.Start((_, _) => { });
        connection.TrySend(new byte[1000]);
        var frames = ReadFramesAsync(duplex.Remote, 1);

        connection.Close("Stopped");

        Assert.Equal(1000, (await frames)[0].Length);
        await connection.Completion;
        Assert.Equal(1, codec.ShutdownCalls);
    }

    [Fact]
    public async Task WithACloseGraceAWriteThatNeverFinishesIsCutAtTheDeadline()
    {
        var (connection, duplex, codec) = Create(new FramedConnectionOptions { CloseGrace = TimeSpan.FromSeconds(5) }, pauseWriterThreshold: 16);
        connection.Start((_, _) => { });
        connection.TrySend(new byte[1000]);
        connection.Close("Stopped");

        // The teardown arms its grace timer on another thread: move the fake clock until it has fired.
        for (var i = 0; i < 100_000 && !connection.Completion.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await Task.Yield();
        }

        Assert.Equal(new ConnectionClose(CloseKind.Local, "Stopped"), await connection.Completion);
        Assert.Equal(0, codec.ShutdownCalls);
        Assert.True(duplex.Local.IsDisposed);
    }

    private (FramedConnection Connection, InMemoryDuplex Duplex, LengthPrefixCodec Codec) Create(
        FramedConnectionOptions? options = null, long pauseWriterThreshold = 64 * 1024)
    {
        var duplex = new InMemoryDuplex(pauseWriterThreshold);
        var codec = new LengthPrefixCodec();
        var connection = new FramedConnection(
            duplex.Local, PipeReader.Create(duplex.Local), codec, options ?? new FramedConnectionOptions(), _time,
            (e, where) =>
            {
                lock (_faults)
                {
                    _faults.Add((e, where));
                }
            });
        return (connection, duplex, codec);
    }

    private static async Task<List<byte[]>> ReadFramesAsync(InMemoryDuplex.End end, int count)
    {
        var frames = new List<byte[]>();
        var prefix = new byte[2];
        while (frames.Count < count)
        {
            var result = await end.Input.ReadAsync();
            var buffer = result.Buffer;
            while (buffer.Length >= 2)
            {
                buffer.Slice(0, 2).CopyTo(prefix);
                var length = BinaryPrimitives.ReadUInt16BigEndian(prefix);
                if (buffer.Length < 2 + length)
                {
                    break;
                }

                frames.Add(buffer.Slice(2, length).ToArray());
                buffer = buffer.Slice(2 + length);
            }

            end.Input.AdvanceTo(buffer.Start, buffer.End);
            Assert.False(result.IsCompleted && frames.Count < count, "the stream ended early");
        }

        return frames;
    }
}
