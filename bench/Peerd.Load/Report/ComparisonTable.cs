using System.Globalization;
using System.Text;

namespace Peerd.Load.Report;

/// <summary>One line of the side-by-side latency table.</summary>
/// <param name="Measurement">What was measured.</param>
/// <param name="Peerd">Peerd's figure.</param>
/// <param name="CoreLightning">Core Lightning's figure in the same run, same loop (empty when not run).</param>
/// <param name="Ratio">The ratio the target names.</param>
/// <param name="Target">The target, as text.</param>
/// <param name="Met">Whether the target is met (null: no target, or not measurable in this run).</param>
internal sealed record ComparisonRow(string Measurement, string Peerd, string CoreLightning = "", string Ratio = "", string Target = "", bool? Met = null);

/// <summary>Connect and CLI latency, Peerd beside Core Lightning (Markdown).</summary>
internal sealed class ComparisonTable
{
    private readonly List<ComparisonRow> _rows = [];
    private readonly List<string> _notes = [];

    /// <summary>True when nothing was added.</summary>
    public bool IsEmpty => _rows.Count == 0 && _notes.Count == 0;

    /// <summary>Adds a row.</summary>
    public void Add(ComparisonRow row) => _rows.Add(row);

    /// <summary>Adds a line printed under the table (what was skipped, what a column means).</summary>
    public void Note(string note) => _notes.Add(note);

    /// <summary>The table as Markdown.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| latency as users meet it | peerd | Core Lightning | ratio | target | met |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- | :---: |");
        foreach (var row in _rows)
        {
            var met = row.Met switch { true => "yes", false => "**no**", null => "" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Measurement} | {row.Peerd} | {row.CoreLightning} | {row.Ratio} | {row.Target} | {met} |");
        }

        foreach (var note in _notes)
        {
            text.AppendLine().AppendLine(note);
        }

        return text.ToString();
    }
}
