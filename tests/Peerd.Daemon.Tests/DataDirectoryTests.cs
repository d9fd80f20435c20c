namespace Peerd.Daemon.Tests;

public sealed class DataDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "peerd-dd-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void DirectoriesArePrivate()
    {
        using var dir = DataDirectory.Open(_root, Path.Combine(_root, "regtest"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_root));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_root, "regtest")));
    }

    [Fact]
    public void ASecondOpenOfTheSameDirectoryIsRefusedClearly()
    {
        using var first = DataDirectory.Open(_root, Path.Combine(_root, "regtest"));
        var e = Assert.Throws<InvalidOperationException>(() => DataDirectory.Open(_root, Path.Combine(_root, "regtest")));
        Assert.Contains("another peerd is already running", e.Message, StringComparison.Ordinal);
        Assert.Contains($"pid {Environment.ProcessId}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLockIsReleasedOnDispose()
    {
        DataDirectory.Open(_root, Path.Combine(_root, "regtest")).Dispose();
        using var again = DataDirectory.Open(_root, Path.Combine(_root, "regtest"));
    }
}
