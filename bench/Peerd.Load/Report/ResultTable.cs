using System.Globalization;
using System.Text;

namespace Peerd.Load.Report;

/// <summary>One line of the comparison.</summary>
/// <param name="Measurement">What was measured.</param>
/// <param name="Peerd">Peerd's figure (the load tool against the daemon).</param>
/// <param name="NodeSelf">node-lightning talking to itself, when comparable.</param>
/// <param name="NodeToPeerd">node-lightning's client against the Peerd daemon, when run.</param>
/// <param name="Ratio">Peerd ÷ the reference the target names.</param>
/// <param name="Target">The target, as text.</param>
/// <param name="Met">Whether the target is met (null: no target).</param>
internal sealed record ResultRow(string Measurement, string Peerd, string NodeSelf = "", string NodeToPeerd = "", string Ratio = "", string Target = "", bool? Met = null);

/// <summary>The table the tool prints (Markdown, so docs/PERFORMANCE.md can hold it as is).</summary>
internal sealed class ResultTable
{
    private readonly List<ResultRow> _rows = [];

    /// <summary>The rows so far.</summary>
    public IReadOnlyList<ResultRow> Rows => _rows;

    /// <summary>Adds a row.</summary>
    public void Add(ResultRow row) => _rows.Add(row);

    /// <summary>Formats a number with thousands separators and <paramref name="decimals"/> decimals.</summary>
    public static string N(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The table as Markdown.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| measurement | peerd | node-lightning ↔ itself | node-lightning → peerd | ratio | target | met |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | --- | :---: |");
        foreach (var row in _rows)
        {
            var met = row.Met switch { true => "yes", false => "**no**", null => "" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Measurement} | {row.Peerd} | {row.NodeSelf} | {row.NodeToPeerd} | {row.Ratio} | {row.Target} | {met} |");
        }

        return text.ToString();
    }
}
