using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Peerd.Xrpl.Protocol.Tests.Support;

/// <summary>
/// Fixtures built at test time by tests/interop/xrpl/validators.mjs with ripple-binary-codec and ripple-keypairs
/// (Ripple's JavaScript implementation), so the tests never check Peerd's parser against Peerd's own encoder.
/// </summary>
public static class JsValidators
{
    /// <summary>The XRPL epoch (2000-01-01T00:00:00Z) in Unix seconds.</summary>
    public const long RippleEpoch = 946684800;

    /// <summary>Runs the script for <paramref name="now"/> (seconds since the XRPL epoch) and returns its object.</summary>
    public static JsonObject Build(uint now, uint ledger = 1000, int validators = 5)
    {
        var interop = RepoPaths.Interop;
        Assert.True(Directory.Exists(Path.Combine(interop, "node_modules", "ripple-binary-codec")), $"npm packages missing: run `npm ci` in {interop} (scripts/deps.sh test does it)");
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(interop, "xrpl"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "validators.mjs", "--now", now.ToString(), "--ledger", ledger.ToString(), "--validators", validators.ToString() })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("validators.mjs did not finish in 60 s");
        }

        Assert.True(process.ExitCode == 0, $"validators.mjs failed: {errors.Result}");
        return JsonNode.Parse(output.Result)!.AsObject();
    }
}

/// <summary>One fixture set per test class (node runs once).</summary>
public sealed class JsValidatorsFixture
{
    /// <summary>"Now" for the fixtures: a fixed time in 2026, in seconds since the XRPL epoch.</summary>
    public const uint Now = 830_000_000;

    /// <summary>The fixtures.</summary>
    public JsonObject Data { get; } = JsValidators.Build(Now);
}
