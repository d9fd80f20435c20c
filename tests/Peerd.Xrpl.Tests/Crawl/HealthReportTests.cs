using System.Text.Json.Nodes;
using Peerd.Xrpl.Crawl;

namespace Peerd.Xrpl.Tests.Crawl;

public class HealthReportTests
{
    private static JsonObject Info(int peers = 10, string state = "full", int? ledgerAge = 1) =>
        ledgerAge is { } age
            ? new() { ["peers"] = peers, ["server_state"] = state, ["validated_ledger"] = new JsonObject { ["age"] = age } }
            : new() { ["peers"] = peers, ["server_state"] = state };

    [Fact]
    public void AFullServerWithManyPeersAndAFreshLedgerIsHealthyWithNothingListed()
    {
        var (state, body) = HealthReport.Evaluate(Info());
        Assert.Equal(HealthState.Healthy, state);
        Assert.Empty(body["info"]!.AsObject());
        Assert.Equal((200, "OK"), HealthReport.Status(state));
    }

    [Fact]
    public void NoValidatedLedgerIsCriticalAndListedAsMinusOne()
    {
        var (state, body) = HealthReport.Evaluate(Info(ledgerAge: null));
        Assert.Equal(HealthState.Critical, state);
        Assert.Equal(-1, (int)body["info"]!["validated_ledger"]!);
        Assert.Equal((500, "Internal Server Error"), HealthReport.Status(state));
    }

    [Theory]
    [InlineData(6, HealthState.Healthy)]
    [InlineData(7, HealthState.Warning)]
    [InlineData(19, HealthState.Warning)]
    [InlineData(20, HealthState.Critical)]
    public void TheLedgerAgeThresholdsAreSevenAndTwentySeconds(int age, HealthState expected) =>
        Assert.Equal(expected, HealthReport.Evaluate(Info(ledgerAge: age)).State);

    [Theory]
    [InlineData(8, HealthState.Healthy)]
    [InlineData(7, HealthState.Warning)]
    [InlineData(1, HealthState.Warning)]
    [InlineData(0, HealthState.Critical)]
    public void SevenPeersOrFewerIsAWarningAndNoneIsCritical(int peers, HealthState expected) =>
        Assert.Equal(expected, HealthReport.Evaluate(Info(peers: peers)).State);

    [Theory]
    [InlineData("proposing", HealthState.Healthy)]
    [InlineData("validating", HealthState.Healthy)]
    [InlineData("tracking", HealthState.Warning)]
    [InlineData("syncing", HealthState.Warning)]
    [InlineData("connected", HealthState.Warning)]
    [InlineData("disconnected", HealthState.Critical)]
    public void AServerStateShortOfFullIsAWarningAndDisconnectedIsCritical(string serverState, HealthState expected) =>
        Assert.Equal(expected, HealthReport.Evaluate(Info(state: serverState)).State);

    [Theory]
    [InlineData(25600, HealthState.Healthy)]
    [InlineData(25856, HealthState.Warning)]
    [InlineData(256000, HealthState.Critical)]
    public void ALoadFactorAboveOneHundredIsAWarningAndFromOneThousandCritical(int loadFactorServer, HealthState expected)
    {
        var info = Info();
        info["load_base"] = 256;
        info["load_factor_server"] = loadFactorServer;
        Assert.Equal(expected, HealthReport.Evaluate(info).State);
    }

    [Fact]
    public void AnAmendmentBlockedServerIsCritical()
    {
        var info = Info();
        info["amendment_blocked"] = true;
        var (state, body) = HealthReport.Evaluate(info);
        Assert.Equal(HealthState.Critical, state);
        Assert.True((bool)body["info"]!["amendment_blocked"]!);
    }

    [Fact]
    public void PeerdsOwnServerInfoWithOnePeerIsCriticalForWantOfALedger()
    {
        var (state, body) = HealthReport.Evaluate(Info(peers: 1, state: "connected", ledgerAge: null));
        Assert.Equal(HealthState.Critical, state);
        Assert.Equal("""{"peers":1,"server_state":"connected","validated_ledger":-1}""", Sorted(body["info"]!.AsObject()));
    }

    private static string Sorted(JsonObject json) =>
        new JsonObject(json.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString();
}
