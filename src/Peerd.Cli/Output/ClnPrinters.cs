using System.Text;
using Peerd.Cli.Json;

namespace Peerd.Cli.Output;

/// <summary>
/// The printers of <c>cli/lightning-cli.c</c>: <c>print_json</c> (3-space indent, raw tokens), <c>human_readable</c>,
/// <c>flat_json</c> and <c>human_help</c>. Each appends to a <see cref="StringBuilder"/>.
/// </summary>
public static class ClnPrinters
{
    private const string IndentStep = "   ";

    /// <summary><c>print_json</c>: JSON indented by three spaces, <c>"key": value</c>, tokens as received.</summary>
    public static void Json(StringBuilder output, RawNode node, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(node);
        var next = indent + IndentStep;
        if (node.IsArray)
        {
            if (node.Items.Count == 0)
            {
                output.Append("[]");
                return;
            }

            for (var i = 0; i < node.Items.Count; i++)
            {
                output.Append(i == 0 ? "[\n" : ",\n").Append(next);
                Json(output, node.Items[i], next);
            }

            output.Append('\n').Append(indent).Append(']');
        }
        else if (node.IsObject)
        {
            if (node.Members.Count == 0)
            {
                output.Append("{}");
                return;
            }

            for (var i = 0; i < node.Members.Count; i++)
            {
                output.Append(i == 0 ? "{\n" : ",\n").Append(next).Append('"').Append(node.Members[i].Key).Append("\": ");
                Json(output, node.Members[i].Value, next);
            }

            output.Append('\n').Append(indent).Append('}');
        }
        else
        {
            output.Append(node.Raw);
        }
    }

    /// <summary>
    /// <c>human_readable</c>: primitives as their text (<c>\n</c> and <c>\t</c> escapes turned into the characters,
    /// other backslashes dropped), followed by <paramref name="terminator"/>; arrays one element per line; objects
    /// <c>key=value</c> lines, a single-member object as its value alone.
    /// </summary>
    public static void Human(StringBuilder output, RawNode node, char terminator = '\n')
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(node);
        if (node.IsArray)
        {
            foreach (var item in node.Items)
            {
                Human(output, item, '\n');
            }
        }
        else if (node.IsObject)
        {
            if (node.Members.Count == 1)
            {
                Human(output, node.Members[0].Value, '\n');
                return;
            }

            foreach (var (key, value) in node.Members)
            {
                HumanText(output, key, '=');
                Human(output, value, '\n');
            }
        }
        else
        {
            HumanText(output, node.Content, terminator);
        }
    }

    /// <summary><c>flat_json</c>: one <c>prefix=value</c> line per primitive.</summary>
    public static void Flat(StringBuilder output, RawNode node, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(node);
        if (node.IsArray)
        {
            for (var i = 0; i < node.Items.Count; i++)
            {
                Flat(output, node.Items[i], $"{prefix}[{i}]");
            }
        }
        else if (node.IsObject)
        {
            foreach (var (key, value) in node.Members)
            {
                Flat(output, value, prefix.Length == 0 ? key : $"{prefix}.{key}");
            }
        }
        else
        {
            output.Append(prefix).Append('=').Append(node.Content).Append('\n');
        }
    }

    /// <summary>
    /// <c>human_help</c>: the <c>command</c> of each entry of <c>result.help</c>, sorted by category (<c>developer</c>
    /// last) then name, each followed by a blank line, then a pointer to <c>help &lt;command&gt;</c>.
    /// </summary>
    public static void HelpList(StringBuilder output, RawNode result, string programName)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        var sorted = new List<RawNode>(result.Get("help")?.Items ?? []);
        sorted.Sort(CompareHelp);
        foreach (var entry in sorted)
        {
            if (entry.Get("command") is { } command)
            {
                Human(output, command, '\n');
            }

            output.Append('\n');
        }

        output.Append("---\nrun `").Append(programName).Append(" help <command>` for more information on a specific command\n");
    }

    private static int CompareHelp(RawNode a, RawNode b)
    {
        var categoryA = a.Get("category");
        var categoryB = b.Get("category");
        if (categoryA is not null && categoryB is not null)
        {
            var developerA = categoryA.IsString("developer");
            var developerB = categoryB.IsString("developer");
            var byCategory = (developerA, developerB) switch
            {
                (true, true) => 0,
                (true, false) => 1,
                (false, true) => -1,
                _ => string.CompareOrdinal(categoryA.Content, categoryB.Content),
            };
            if (byCategory != 0)
            {
                return byCategory;
            }
        }

        return string.CompareOrdinal(a.Get("command")?.Content ?? string.Empty, b.Get("command")?.Content ?? string.Empty);
    }

    private static void HumanText(StringBuilder output, string raw, char terminator)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length)
            {
                if (raw[i + 1] == 'n')
                {
                    output.Append('\n');
                    i++;
                    continue;
                }

                if (raw[i + 1] == 't')
                {
                    output.Append('\t');
                    i++;
                    continue;
                }

                i++;
            }

            output.Append(raw[i]);
        }

        output.Append(terminator);
    }
}
