namespace Peerd.Daemon.Configuration;

/// <summary>
/// Reads options the way Core Lightning does: <c>--name=value</c> or <c>--name value</c> on the command line, and
/// <c>name=value</c> lines (with <c>#</c> comments) in config files. Config files come first, the command line last,
/// so single-valued options on the command line win and repeatable ones accumulate.
/// </summary>
public static class OptionParser
{
    /// <summary>Parses command-line arguments into (name, value) pairs; value is null for a bare flag.</summary>
    /// <exception cref="OptionException">An unknown option, a missing value, or a stray argument.</exception>
    public static List<KeyValuePair<string, string?>> ParseArguments(IReadOnlyList<string> args)
    {
        var result = new List<KeyValuePair<string, string?>>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new OptionException($"unexpected argument '{arg}' (options are --name=value)");
            }

            var body = arg[2..];
            var eq = body.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? body : body[..eq];
            string? value = eq < 0 ? null : body[(eq + 1)..];
            var spec = Find(name) ?? throw new OptionException($"unrecognized option '--{name}'");
            if (spec.TakesValue && value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new OptionException($"option '--{name}' requires an argument");
                }

                value = args[++i];
            }

            result.Add(new(name, value));
        }

        return result;
    }

    /// <summary>Parses a config file's text into (name, value) pairs.</summary>
    public static List<KeyValuePair<string, string?>> ParseConfig(string text, string fileName)
    {
        var result = new List<KeyValuePair<string, string?>>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var name = (eq < 0 ? line : line[..eq]).Trim();
            string? value = eq < 0 ? null : line[(eq + 1)..].Trim();
            var spec = Find(name) ?? throw new OptionException($"{fileName} line {lineNumber}: unrecognized option '{name}'");
            if (spec.TakesValue && value is null)
            {
                throw new OptionException($"{fileName} line {lineNumber}: option '{name}' requires a value");
            }

            result.Add(new(name, value));
        }

        return result;
    }

    private static OptionSpec? Find(string name)
    {
        foreach (var spec in OptionSpec.All)
        {
            if (spec.Name == name)
            {
                return spec;
            }
        }

        return null;
    }
}

/// <summary>A configuration error, reported to the user as-is.</summary>
public sealed class OptionException(string message) : Exception(message);
