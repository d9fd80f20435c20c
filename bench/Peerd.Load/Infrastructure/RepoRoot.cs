namespace Peerd.Load.Infrastructure;

/// <summary>Finds the repository (the directory holding <c>Peerd.slnx</c>) from the tool's location or the working directory.</summary>
internal static class RepoRoot
{
    /// <summary>The repository root, or null when the tool runs outside a checkout.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Peerd.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
