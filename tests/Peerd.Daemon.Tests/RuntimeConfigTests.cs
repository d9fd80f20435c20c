using System.Text.Json;

namespace Peerd.Daemon.Tests;

/// <summary>The daemon's runtime settings that its latency depends on (src/Peerd.Daemon/Peerd.Daemon.csproj).</summary>
public class RuntimeConfigTests
{
    [Fact]
    public void TheDaemonCompilesItsCodeOptimisedAtFirstCallAndTiersUpHotFrameworkCodeAtOnce()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "peerd.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation.QuickJit").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
    }
}
