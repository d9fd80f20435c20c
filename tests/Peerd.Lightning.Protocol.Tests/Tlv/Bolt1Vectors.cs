using System.Text.Json;

namespace Peerd.Lightning.Protocol.Tests.Tlv;

/// <summary>Loads <c>Vectors/bolt1.json</c> (BOLT #1 Appendices A-D, verbatim) once per test run.</summary>
public static class Bolt1Vectors
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", "bolt1.json");
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
        return document.RootElement.Clone();
    });

    /// <summary>The whole document.</summary>
    public static JsonElement Document => Root.Value;

    /// <summary>The array at a path of property names, e.g. <c>("bigsize", "decode")</c>.</summary>
    public static IEnumerable<JsonElement> Array(params string[] path)
    {
        var element = Root.Value;
        foreach (var name in path)
        {
            element = element.GetProperty(name);
        }

        return element.EnumerateArray();
    }

    /// <summary>A string property, or null when absent.</summary>
    public static string? String(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;
}
