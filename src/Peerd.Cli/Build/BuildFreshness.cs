namespace Peerd.Cli.Build;

/// <summary>
/// Whether the native client the <c>./peerd-cli</c> wrapper started is older than the sources it was built from. The
/// wrapper's own check in <c>sh</c> cost a call about a millisecond (the shell reading the list and one <c>test -nt</c>
/// per entry), so on a build that carries this check the wrapper starts the client at once and the client compares,
/// with one <c>stat</c> per entry: <c>scripts/build.sh</c> leaves <c>.built</c> (a stamp taken before it looked at the
/// sources) and <c>.sources</c> (the sources' files and directories relative to the repository, as one line of sh:
/// <c>set -- 'a' 'b' …</c>, each word single-quoted, a quote written <c>'\''</c>). An entry newer than the stamp is an
/// edit (a directory's time moves when a file in it is added, removed or renamed); a missing stamp or list means no
/// complete build. Pure apart from the file times it is given.
/// </summary>
public static class BuildFreshness
{
    /// <summary>The stamp's file name in the build directory.</summary>
    public const string StampFile = ".built";

    /// <summary>The source list's file name in the build directory.</summary>
    public const string SourcesFile = ".sources";

    /// <summary>
    /// True when the build in <paramref name="buildDirectory"/> is at least as new as every source listed beside it.
    /// <paramref name="lastWriteUtc"/> gives a path's modification time, or null when the path does not exist; a listed
    /// path that no longer exists is not newer (its directory's time says it went).
    /// </summary>
    public static bool IsCurrent(string root, string buildDirectory, Func<string, DateTime?> lastWriteUtc, Func<string, string?> readText)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(buildDirectory);
        ArgumentNullException.ThrowIfNull(lastWriteUtc);
        ArgumentNullException.ThrowIfNull(readText);
        if (lastWriteUtc(Path.Combine(buildDirectory, StampFile)) is not { } stamp
            || readText(Path.Combine(buildDirectory, SourcesFile)) is not { } list
            || !TryParseSources(list, out var sources))
        {
            return false;
        }

        foreach (var source in sources)
        {
            if (lastWriteUtc(Path.Combine(root, source)) is { } written && written > stamp)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads the words of a <c>set -- 'a' 'b' …</c> line as <c>sh</c> would: single-quoted words, <c>'\''</c> for a
    /// quote inside one, separated by blanks. False for anything else (the list is then treated as missing).
    /// </summary>
    public static bool TryParseSources(string line, out List<string> sources)
    {
        ArgumentNullException.ThrowIfNull(line);
        sources = [];
        var text = line.AsSpan().TrimEnd("\r\n");
        const string Prefix = "set --";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var i = Prefix.Length;
        var word = new System.Text.StringBuilder();
        while (i < text.Length)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }

            // One word: runs of '…' and \' with nothing between them.
            word.Clear();
            var started = false;
            while (i < text.Length && text[i] != ' ')
            {
                if (text[i] == '\'')
                {
                    var end = text[(i + 1)..].IndexOf('\'');
                    if (end < 0)
                    {
                        return false;
                    }

                    word.Append(text.Slice(i + 1, end));
                    i += end + 2;
                }
                else if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    word.Append('\'');
                    i += 2;
                }
                else
                {
                    return false;
                }

                started = true;
            }

            if (started)
            {
                sources.Add(word.ToString());
            }
        }

        return true;
    }
}
