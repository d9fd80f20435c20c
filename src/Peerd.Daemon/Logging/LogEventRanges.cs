using System.Collections.Frozen;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Peerd.Primitives.Logging;

namespace Peerd.Daemon.Logging;

/// <summary>
/// The one table of log event ids: each class of <c>[LoggerMessage]</c> events owns a range, and no two ranges
/// overlap, so an operator who filters by id gets one meaning per id. It lives in the daemon because the composition
/// root is the one assembly that sees every component; a test reflects over every event in the product's assemblies
/// and fails on a duplicate id, an id outside its class's range, or a class missing from this table.
/// A class listed here that is not built (yet) only reserves its range.
/// </summary>
public static class LogEventRanges
{
    /// <summary>The ranges, in id order.</summary>
    public static IReadOnlyList<LogEventRange> All { get; } =
    [
        new(1000, 1099, "Lightning: listeners, connections and peers", "Peerd.Lightning.Logging.Log", "Peerd.Lightning"),
        new(1100, 1149, "Lightning: address book and gossip", "Peerd.Lightning.Gossip.GossipLog", "Peerd.Lightning"),
        new(1150, 1199, "Lightning: connection policies (admission, descriptor pressure)", "Peerd.Lightning.Peers.Policies.PolicyLog", "Peerd.Lightning"),
        new(1200, 1219, "Lightning: the chain source (bitcoind) that funding outputs are checked through", "Peerd.Lightning.Chain.ChainLog", "Peerd.Lightning"),
        new(3000, 3099, "Daemon: signals and the service manager", "Peerd.Daemon.Signals.SignalsLog", "peerd"),
        new(3100, 3199, "Daemon: start, stop, RPC socket, logging", "Peerd.Daemon.Logging.DaemonLog", "peerd"),
        new(5000, 5099, "XRPL node: overlay, peers, admin API", "Peerd.Xrpl.Hosting.XrplLog", "Peerd.Xrpl"),
        new(5100, 5149, "XRPL: trust anchors, validator lists, manifests, validations", "Peerd.Xrpl.Validators.ValidatorLog", "Peerd.Xrpl"),
    ];

    /// <summary>The range that <paramref name="logClass"/> (a full type name) owns, or null.</summary>
    public static LogEventRange? For(string logClass) => All.FirstOrDefault(r => r.LogClass == logClass);

    /// <summary>
    /// The ids of the events marked <see cref="RemoteTriggeredAttribute">[RemoteTriggered]</see> in the classes of
    /// this table that are built: what <see cref="ThrottlingLoggerFactory"/> throttles. Read once at start-up.
    /// </summary>
    public static FrozenSet<int> RemoteTriggeredIds() => All
        .Select(r => r.Load())
        .OfType<Type>()
        .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
        .Where(m => m.IsDefined(typeof(RemoteTriggeredAttribute), inherit: false))
        .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>()?.EventId)
        .OfType<int>()
        .ToFrozenSet();
}

/// <summary>One row of <see cref="LogEventRanges"/>: ids <see cref="First"/>–<see cref="Last"/>, inclusive.</summary>
/// <param name="First">The first id.</param>
/// <param name="Last">The last id.</param>
/// <param name="Component">What logs in this range.</param>
/// <param name="LogClass">The full name of the class that declares the events.</param>
/// <param name="Assembly">The name of the assembly that holds the class.</param>
public sealed record LogEventRange(int First, int Last, string Component, string LogClass, string Assembly)
{
    /// <summary>True when <paramref name="id"/> is in the range.</summary>
    public bool Contains(int id) => id >= First && id <= Last;

    /// <summary>The class, or null when it is not built.</summary>
    public Type? Load() => Type.GetType($"{LogClass}, {Assembly}", throwOnError: false);
}
