using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Peerd.Daemon.Logging;

namespace Peerd.Daemon.Tests.Logging;

public sealed class FileLoggerProviderTests : IDisposable
{
    /// <summary>A guard against a hang, not a timing: every wait below ends long before it when the code is right.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "peerd-filelog-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void LinesArriveInOrderAndNothingQueuedIsLostAtShutdown()
    {
        const int Count = 5_000; // under the queue's capacity: none may be dropped
        var path = Path.Combine(_directory, "peerd.log");
        var provider = new FileLoggerProvider(path, LogLevel.Debug);
        var logger = provider.CreateLogger("lightning");
        for (var i = 0; i < Count; i++)
        {
            logger.LogDebug("line {Index}", i);
        }

        provider.Dispose();

        var lines = File.ReadAllLines(path);
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"line {i}"), lines.Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z DEBUG lightning: line 0$", lines[0]);
    }

    [Fact]
    public async Task AFullQueueDropsAndCountsInsteadOfBlockingTheCaller()
    {
        using var disk = new StuckStream();
        var provider = new FileLoggerProvider(disk, LogLevel.Debug, new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero)));
        var logger = provider.CreateLogger("xrpl");

        // A Warning is flushed at once: the writer is then stuck in the disk's write, holding line 0.
        logger.LogWarning("line {Index}", 0);
        Assert.True(disk.Entered.Wait(HangGuard), "the writer never wrote");

        const int Extra = 50;
        var logging = Task.Run(() =>
        {
            for (var i = 1; i <= FileLoggerProvider.QueueCapacity + Extra; i++)
            {
                logger.LogInformation("line {Index}", i);
            }
        });
        await logging.WaitAsync(HangGuard);

        disk.Release();
        provider.Dispose();

        var lines = disk.Text().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var written = lines.Where(l => l.Contains(" line ", StringComparison.Ordinal)).Select(l => int.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, FileLoggerProvider.QueueCapacity + 1), written);
        Assert.Equal("2026-11-20T10:00:00.000Z UNUSUAL peerd: 50 log line(s) dropped: the log file's queue was full", lines[^1]);
    }

    [Fact]
    public void ReopenWritesToANewFileAtThePath()
    {
        var path = Path.Combine(_directory, "peerd.log");
        var provider = new FileLoggerProvider(path, LogLevel.Information);
        var logger = provider.CreateLogger("peerd");
        logger.LogWarning("before");
        var deadline = DateTime.UtcNow + HangGuard;
        while (!File.ReadAllText(path).Contains("before", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the warning never reached the file");
            Thread.Sleep(10);
        }

        File.Move(path, path + ".1");
        provider.Reopen();
        logger.LogWarning("after");
        provider.Dispose();

        Assert.DoesNotContain("after", File.ReadAllText(path + ".1"), StringComparison.Ordinal);
        Assert.EndsWith("UNUSUAL peerd: after\n", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.DoesNotContain("before", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void TheLogFileIsPrivate()
    {
        var path = Path.Combine(_directory, "sub", "peerd.log");
        using (var provider = new FileLoggerProvider(path, LogLevel.Information))
        {
            provider.CreateLogger("peerd").LogInformation("hello");
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Contains("INFO peerd: hello", File.ReadAllText(path), StringComparison.Ordinal);
    }

    /// <summary>A disk whose first write does not return until released; it keeps what was written.</summary>
    private sealed class StuckStream : Stream
    {
        private readonly MemoryStream _written = new();
        private readonly ManualResetEventSlim _released = new();

        public ManualResetEventSlim Entered { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written.Length;

        public override long Position { get => _written.Position; set => throw new NotSupportedException(); }

        public void Release() => _released.Set();

        public string Text()
        {
            lock (_written)
            {
                return System.Text.Encoding.UTF8.GetString(_written.ToArray());
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Entered.Set();
            if (!_released.Wait(HangGuard))
            {
                throw new IOException("never released");
            }

            lock (_written)
            {
                _written.Write(buffer, offset, count);
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Entered.Dispose();
                _released.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
