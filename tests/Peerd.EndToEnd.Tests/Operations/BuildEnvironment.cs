namespace Peerd.EndToEnd.Tests.Operations;

/// <summary>
/// The environment for <c>dotnet</c> builds that a test starts: no MSBuild worker nodes, build server or compiler
/// server left running after the build exits, so the test leaves no process behind.
/// </summary>
public static class BuildEnvironment
{
    /// <summary>The variables (MSBuild reads <c>UseSharedCompilation</c> from the environment as a property).</summary>
    public static Dictionary<string, string> Create() => new()
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["UseSharedCompilation"] = "false",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };
}
