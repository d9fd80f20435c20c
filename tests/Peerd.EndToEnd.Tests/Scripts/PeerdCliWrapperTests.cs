using System.Diagnostics;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.TestKit;

namespace Peerd.EndToEnd.Tests.Scripts;

/// <summary>
/// The <c>./peerd-cli</c> wrapper's freshness check, run by <c>/bin/sh</c> in a copy of the repository's layout whose
/// <c>scripts/build.sh</c> is a stand-in: it records each call and leaves what the real one leaves (a native client,
/// <c>.built</c>, and <c>.sources</c> as one <c>set --</c> line). A current build must start the client alone; an
/// edited, added or removed source, or a missing build, must rebuild first.
/// </summary>
public sealed class PeerdCliWrapperTests : IDisposable
{
    private readonly TempDirectory _repo = new("peerd-wrapper-");

    public PeerdCliWrapperTests()
    {
        var wrapper = _repo.File("peerd-cli");
        File.Copy(Path.Combine(RepoPaths.Root, "peerd-cli"), wrapper);
        Directory.CreateDirectory(_repo.Combine("scripts"));
        Directory.CreateDirectory(_repo.Combine("src", "Peerd.Cli", "Json"));
        File.WriteAllText(_repo.Combine("src", "Peerd.Cli", "Program.cs"), "// one");
        File.WriteAllText(_repo.Combine("src", "Peerd.Cli", "Json", "Reader.cs"), "// two");
        Script("scripts/deps.sh", "exit 0");
        Script("scripts/build.sh", """
            cd "$(dirname "$0")/.."
            echo "$@" >> build-calls
            mkdir -p artifacts/peerd-cli
            printf '#!/bin/sh\nfor a; do echo "[$a]"; done\n' > artifacts/peerd-cli/peerd-cli
            chmod +x artifacts/peerd-cli/peerd-cli
            echo "set -- 'src/Peerd.Cli' 'src/Peerd.Cli/Json' 'src/Peerd.Cli/Program.cs' 'src/Peerd.Cli/Json/Reader.cs'" > artifacts/peerd-cli/.sources
            touch artifacts/peerd-cli/.built
            """);
        foreach (var file in new[] { "peerd-cli", "scripts/deps.sh", "scripts/build.sh" })
        {
            File.SetUnixFileMode(_repo.File(file), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void FirstCallBuildsThenRunsTheClientWithTheArgumentsIntact()
    {
        Assert.Equal("[getinfo]\n[a b]\n[]\n", Run("getinfo", "a b", ""));
        Assert.Equal(1, BuildCalls());
    }

    [Fact]
    public void CurrentBuildStartsTheClientAlone()
    {
        Run("getinfo");
        Age("artifacts/peerd-cli/.built", TimeSpan.Zero);
        Assert.Equal("[connect]\n", Run("connect"));
        Assert.Equal(1, BuildCalls());
    }

    [Fact]
    public void EditedSourceRebuilds()
    {
        Run("getinfo");
        Age("src/Peerd.Cli/Json/Reader.cs", TimeSpan.FromSeconds(2));
        Run("getinfo");
        Assert.Equal(2, BuildCalls());
    }

    [Fact]
    public void AddedOrRemovedSourceRebuilds()
    {
        Run("getinfo");
        File.WriteAllText(_repo.Combine("src", "Peerd.Cli", "Json", "Writer.cs"), "// new");
        Age("src/Peerd.Cli/Json", TimeSpan.FromSeconds(2));
        Run("getinfo");
        Assert.Equal(2, BuildCalls());

        File.Delete(_repo.Combine("src", "Peerd.Cli", "Program.cs"));
        Age("src/Peerd.Cli", TimeSpan.FromSeconds(4));
        Run("getinfo");
        Assert.Equal(3, BuildCalls());
    }

    [Fact]
    public void MissingClientRebuilds()
    {
        Run("getinfo");
        File.Delete(_repo.Combine("artifacts", "peerd-cli", "peerd-cli"));
        Assert.Equal("[getinfo]\n", Run("getinfo"));
        Assert.Equal(2, BuildCalls());
    }

    [Fact]
    public void XrplCallsStartTheXrplClientDirectlyWithoutTheirFirstArgument()
    {
        Run("getinfo");
        File.WriteAllText(_repo.Combine("artifacts", "peerd-cli", "peerd-cli-xrpl"), "#!/bin/sh\necho xrpl; for a; do echo \"[$a]\"; done\n");
        File.SetUnixFileMode(_repo.Combine("artifacts", "peerd-cli", "peerd-cli-xrpl"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.Equal("xrpl\n[server_info]\n[counters]\n", Run("xrpl", "server_info", "counters"));
        Assert.Equal("[getinfo]\n", Run("getinfo"));
        Assert.Equal(1, BuildCalls());
    }

    [Fact]
    public void WithoutAnXrplClientXrplCallsGoToTheClient()
    {
        // An older build (one executable) still answers `peerd-cli xrpl …` itself.
        Assert.Equal("[xrpl]\n[server_info]\n", Run("xrpl", "server_info"));
    }

    private void Script(string name, string body) => File.WriteAllText(_repo.File(name), "#!/bin/sh\n" + body + "\n");

    /// <summary>Sets a path's modification time <paramref name="ahead"/> of the build stamp's (file systems may round to the second).</summary>
    private void Age(string path, TimeSpan ahead)
    {
        var stamp = File.GetLastWriteTimeUtc(_repo.Combine("artifacts", "peerd-cli", ".built"));
        var full = _repo.File(path);
        if (Directory.Exists(full))
        {
            Directory.SetLastWriteTimeUtc(full, stamp + ahead);
        }
        else
        {
            File.SetLastWriteTimeUtc(full, stamp + ahead);
        }
    }

    private int BuildCalls() => File.Exists(_repo.File("build-calls")) ? File.ReadAllLines(_repo.File("build-calls")).Length : 0;

    /// <summary>Runs <c>./peerd-cli</c> from the copy's root (as a user types it), returns its stdout.</summary>
    private string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/sh", ["./peerd-cli", .. arguments])
        {
            WorkingDirectory = _repo.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the wrapper did not finish in 30 s");
        }

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
