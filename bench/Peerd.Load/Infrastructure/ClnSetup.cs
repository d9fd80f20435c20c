namespace Peerd.Load.Infrastructure;

/// <summary>
/// Where Core Lightning is on this machine, from the environment (or the matching options): nothing of it is part of
/// the repository. Without <see cref="StartVariable"/> the Core Lightning columns are skipped with a notice.
/// </summary>
internal sealed record ClnSetup(string? StartCommand, string? LightningCli)
{
    /// <summary>The command that starts a regtest Core Lightning node (see <see cref="ClnNode"/>).</summary>
    public const string StartVariable = "PEERD_CLN_START";

    /// <summary>Core Lightning's <c>lightning-cli</c>, for the one-process-per-call comparison.</summary>
    public const string CliVariable = "LIGHTNING_CLI";

    /// <summary>From the environment, overridden by non-empty option values.</summary>
    public static ClnSetup From(string? startOption, string? cliOption) => new(
        Existing(startOption ?? Environment.GetEnvironmentVariable(StartVariable)),
        Existing(cliOption ?? Environment.GetEnvironmentVariable(CliVariable)));

    private static string? Existing(string? path) => string.IsNullOrEmpty(path) ? null : File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException($"Core Lightning: {path} does not exist");
}
