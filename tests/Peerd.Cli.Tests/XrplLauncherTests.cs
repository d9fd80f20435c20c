using System.Runtime.Versioning;
using System.Text;
using Peerd.TestKit;

namespace Peerd.Cli.Tests;

/// <summary>
/// <c>peerd-cli xrpl …</c> in the native build: when the XRPL client cannot be started, one line says why and the exit
/// code is 2. (Its success replaces the process, so the end-to-end path is what runs it; these cases return.)
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class XrplLauncherTests : IDisposable
{
    private readonly TempDirectory _directory = new("peerd-cli-xrpl-");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void AMissingXrplClientIsReportedWithTheSystemsWords()
    {
        var (exit, stderr) = Exec();
        Assert.Equal(ExitCodes.TalkFailed, exit);
        Assert.Equal($"peerd-cli: cannot run {_directory.Combine(XrplLauncher.FileName)}: No such file or directory\n", stderr);
    }

    [Fact]
    public void AnXrplClientThatIsNotExecutableIsReported()
    {
        File.WriteAllText(_directory.Combine(XrplLauncher.FileName), "not a program");
        File.SetUnixFileMode(_directory.Combine(XrplLauncher.FileName), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var (exit, stderr) = Exec();
        Assert.Equal(ExitCodes.TalkFailed, exit);
        Assert.Equal($"peerd-cli: cannot run {_directory.Combine(XrplLauncher.FileName)}: Permission denied\n", stderr);
    }

    private (int Exit, string Stderr) Exec()
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var exit = XrplLauncher.Exec(_directory.Path, ["server_info"], new CliConsole(stdout, stderr, _directory.Path, 4242));
        Assert.Empty(stdout.ToArray());
        return (exit, Encoding.UTF8.GetString(stderr.ToArray()));
    }
}
