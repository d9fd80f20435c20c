using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Peerd.Daemon.Logging;

namespace Peerd.Daemon.Tests.Logging;

public sealed class ThrottlingLoggerFactoryTests : IDisposable
{
    private static readonly EventId Warned = new(1020, "WarningReceived");
    private static readonly EventId Connected = new(1012, "PeerConnected");
    private static readonly EventId Started = new(3101, "Started");

    private readonly FakeTimeProvider _time = new();
    private readonly Capture _capture = new();
    private readonly ThrottlingLoggerFactory _factory;
    private readonly ILogger _logger;

    public ThrottlingLoggerFactoryTests()
    {
        var inner = LoggerFactory.Create(b => b.AddProvider(_capture).SetMinimumLevel(LogLevel.Debug));
        _factory = new ThrottlingLoggerFactory(inner, new[] { Warned.Id, Connected.Id }.ToFrozenSet(), _time);
        _logger = _factory.CreateLogger("lightning");
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void ARemoteTriggeredEventIsLoggedAtMostTheBurstPerInterval()
    {
        for (var i = 0; i < 25; i++)
        {
            _logger.Log(LogLevel.Information, Warned, "peer sent warning {0}", i);
        }

        Assert.Equal(Enumerable.Range(0, ThrottlingLoggerFactory.NoticeBurst).Select(i => $"peer sent warning {i}"), _capture.Messages(Warned.Id));
    }

    [Fact]
    public void WhatWasHeldBackIsSummarisedByTheNextEventLetThrough()
    {
        Flood(LogLevel.Information, Warned, 25);
        _time.Advance(ThrottlingLoggerFactory.NoticeInterval - TimeSpan.FromTicks(1));
        _logger.Log(LogLevel.Information, Warned, "one more");
        Assert.Empty(_capture.Messages(3120));

        _time.Advance(TimeSpan.FromTicks(1));
        _logger.Log(LogLevel.Information, Warned, "after the window");

        var summary = Assert.Single(_capture.Entries, e => e.Id == 3120);
        Assert.Equal((LogLevel.Information, "lightning"), (summary.Level, summary.Category));
        Assert.Equal("16 more WarningReceived events (id 1020) were not logged: at most 10 per 10 s are", summary.Message);
        Assert.Equal("after the window", _capture.Entries[^1].Message);
    }

    [Fact]
    public void AFloodThatStoppedIsSummarisedByTheTimer()
    {
        Flood(LogLevel.Information, Warned, 12);
        _time.Advance(ThrottlingLoggerFactory.NoticeInterval);

        Assert.Equal(["2 more WarningReceived events (id 1020) were not logged: at most 10 per 10 s are"], _capture.Messages(3120));
    }

    [Fact]
    public void DisposalSummarisesWhatIsStillHeldBack()
    {
        Flood(LogLevel.Information, Warned, 11);
        _factory.Dispose();

        Assert.Equal(["1 more WarningReceived events (id 1020) were not logged: at most 10 per 10 s are"], _capture.Messages(3120));
    }

    [Fact]
    public void DebugDetailHasItsOwnLargerBudget()
    {
        Flood(LogLevel.Debug, Connected, ThrottlingLoggerFactory.DetailBurst + 5);

        Assert.Equal(ThrottlingLoggerFactory.DetailBurst, _capture.Messages(Connected.Id).Count);
        _time.Advance(ThrottlingLoggerFactory.DetailInterval);
        _logger.Log(LogLevel.Debug, Connected, "again");
        var summary = Assert.Single(_capture.Entries, e => e.Id == 3120);
        Assert.Equal(LogLevel.Debug, summary.Level);
        Assert.StartsWith("5 more PeerConnected events (id 1012)", summary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherEventsAndDisabledLevelsPassUntouched()
    {
        Flood(LogLevel.Information, Started, 50);
        Flood(LogLevel.Trace, Warned, 50);

        Assert.Equal(50, _capture.Messages(Started.Id).Count);
        Assert.Empty(_capture.Messages(3120));

        // Disabled (Trace) events did not use up the budget.
        Flood(LogLevel.Information, Warned, ThrottlingLoggerFactory.NoticeBurst);
        Assert.Equal(ThrottlingLoggerFactory.NoticeBurst, _capture.Messages(Warned.Id).Count);
    }

    private void Flood(LogLevel level, EventId id, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _logger.Log(level, id, "event {0}", i);
        }
    }

    private sealed class Capture : ILoggerProvider
    {
        private readonly ConcurrentQueue<(int Id, LogLevel Level, string Category, string Message)> _entries = new();

        public IReadOnlyList<(int Id, LogLevel Level, string Category, string Message)> Entries => [.. _entries];

        public IReadOnlyList<string> Messages(int id) => _entries.Where(e => e.Id == id).Select(e => e.Message).ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(Capture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture._entries.Enqueue((eventId.Id, logLevel, category, formatter(state, exception)));
        }
    }
}
