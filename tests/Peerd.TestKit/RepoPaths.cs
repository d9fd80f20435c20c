namespace Peerd.TestKit;

/// <summary>Locates the repository from a test's output directory (for the npm interop peers and the docs).</summary>
public static class RepoPaths
{
    /// <summary>The repository root (the directory holding Peerd.slnx).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>tests/interop, where package.json and the Node.js peer scripts live.</summary>
    public static string Interop => Path.Combine(Root, "tests", "interop");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Peerd.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Peerd.slnx not found above " + AppContext.BaseDirectory);
    }
}
