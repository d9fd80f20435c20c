using Peerd.Daemon.Signals;

namespace Peerd.Daemon.Tests.Signals;

public sealed class ShutdownDeadlineTests
{
    [Fact]
    public async Task AShutdownThatFinishesIsWaitedFor()
    {
        var done = false;
        Assert.True(await ShutdownDeadline.RunAsync(
            async () =>
            {
                await Task.Yield();
                done = true;
            },
            TimeSpan.FromMinutes(5)));
        Assert.True(done);
    }

    [Fact]
    public async Task AShutdownThatNeverFinishesIsAbandonedAtTheDeadline()
    {
        var never = new TaskCompletionSource();
        Assert.False(await ShutdownDeadline.RunAsync(() => new ValueTask(never.Task), TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task AShutdownThatFailsReportsItsException()
    {
        await Assert.ThrowsAsync<IOException>(() => ShutdownDeadline.RunAsync(() => throw new IOException("disk"), TimeSpan.FromMinutes(5)));
    }
}
