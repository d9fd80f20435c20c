using Peerd.Fuzz.Targets;

namespace Peerd.Fuzz;

/// <summary>Every decoder of remote bytes under fuzzing, by name (the names of <c>fuzz/corpus/*</c>).</summary>
public static class FuzzTargets
{
    /// <summary>All targets, in the order <c>scripts/fuzz.sh all</c> runs them.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        Bolt8Acts.Target,
        Bolt8Frames.Target,
        LightningMessages.Target,
        TlvStreams.Target,
        WireAddresses.Target,
        XrplUpgrade.Target,
        XrplFrames.Target,
        XrplMessages.Target,
        JsonRpcRequests.Target,
        Socks5Replies.Target,
        AddressBookLog.Target,
    ];

    /// <summary>The target named <paramref name="name"/>, or null.</summary>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
