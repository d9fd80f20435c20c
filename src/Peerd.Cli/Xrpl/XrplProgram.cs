namespace Peerd.Cli.Xrpl;

/// <summary>
/// Entry point of <c>peerd-cli-xrpl</c>, the XRPL admin client: what <c>peerd-cli xrpl …</c> runs (the arguments after
/// <c>xrpl</c>). Published beside <c>peerd-cli</c> from the same project (<c>Peerd.Cli.csproj</c>).
/// </summary>
public static class XrplProgram
{
    /// <summary>Runs the XRPL admin call; the exit code is <see cref="ExitCodes"/>'.</summary>
    public static int Main(string[] args) => CliApp.RunXrpl(args, CliConsole.Process());
}
