using Peerd.Crypto;
using Peerd.Lightning.Node;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Peers.Policies;

namespace Peerd.Lightning.Tests.Peers.Policies;

/// <summary>The crossed-connection rule as a truth table: direction, age against the window, who began later, whose id is greater.</summary>
public class CrossedConnectionRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 10, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private static readonly (NodeId Low, NodeId High) Ids = Order(NodeId.FromBytes(StaticKey.Generate().PublicKey), NodeId.FromBytes(StaticKey.Generate().PublicKey));

    public static TheoryData<string, string, double, long, long, bool, string> Table => new()
    {
        // existing, incoming, existing's age (s), existing started, incoming started, we have the greater id, verdict
        // Crossed within the window: the connection opened by the greater id stands on both ends.
        { "Out", "In", 1, 0, 0, true, "RefuseCrossed" },
        { "Out", "In", 1, 0, 0, false, "Replace" },
        { "In", "Out", 1, 0, 0, false, "RefuseCrossed" },
        { "In", "Out", 1, 0, 0, true, "Replace" },

        // Crossed but the existing one is older than the window: a reconnect, it is replaced.
        { "Out", "In", 6, 0, 0, true, "Replace" },
        { "In", "Out", 6, 0, 0, false, "Replace" },

        // Same direction: a reconnect replaces, unless the existing one's handshake began later.
        { "In", "In", 1, 0, 5, true, "Replace" },
        { "In", "In", 1, 9, 5, true, "RefuseOlder" },
        { "Out", "Out", 6, 9, 5, false, "RefuseOlder" },
        { "Out", "Out", 6, 5, 5, false, "Replace" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Resolves(string existing, string incoming, double ageSeconds, long existingStarted, long incomingStarted, bool weAreGreater, string verdict)
    {
        var (ours, theirs) = weAreGreater ? (Ids.High, Ids.Low) : (Ids.Low, Ids.High);
        var result = CrossedConnectionRule.Resolve(
            new ConnectionFacts(Enum.Parse<PeerDirection>(existing), Now - TimeSpan.FromSeconds(ageSeconds), existingStarted),
            new ConnectionFacts(Enum.Parse<PeerDirection>(incoming), Now, incomingStarted),
            Now,
            Window,
            ours,
            theirs);
        Assert.Equal(Enum.Parse<CrossedConnectionVerdict>(verdict), result);
    }

    [Fact]
    public void TheTwoEndsAgreeOnTheSurvivorOfACrossedConnect()
    {
        // Our view: we dialled (existing Out), they dialled us (incoming In). Theirs is the mirror image.
        var ours = CrossedConnectionRule.Resolve(new ConnectionFacts(PeerDirection.Out, Now, 0), new ConnectionFacts(PeerDirection.In, Now, 0), Now, Window, Ids.High, Ids.Low);
        var theirs = CrossedConnectionRule.Resolve(new ConnectionFacts(PeerDirection.In, Now, 0), new ConnectionFacts(PeerDirection.Out, Now, 0), Now, Window, Ids.Low, Ids.High);
        Assert.Equal(CrossedConnectionVerdict.RefuseCrossed, ours);
        Assert.Equal(CrossedConnectionVerdict.RefuseCrossed, theirs);
    }

    [Fact]
    public void EachVerdictHasItsCloseReason()
    {
        Assert.Equal("replaced by a new connection", CrossedConnectionRule.Reason(CrossedConnectionVerdict.Replace));
        Assert.Equal("crossed connection: keeping the other one", CrossedConnectionRule.Reason(CrossedConnectionVerdict.RefuseCrossed));
        Assert.Equal("replaced by a newer connection", CrossedConnectionRule.Reason(CrossedConnectionVerdict.RefuseOlder));
    }

    private static (NodeId Low, NodeId High) Order(NodeId a, NodeId b) => string.CompareOrdinal(a.ToString(), b.ToString()) < 0 ? (a, b) : (b, a);
}
