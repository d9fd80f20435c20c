using System.Collections.Concurrent;
using System.Text.Json;
using Peerd.Primitives;

namespace Peerd.TestKit;

/// <summary>
/// Loads the JSON test-vector files a test project copies to its output's <c>Vectors/</c> folder (the csproj item
/// <c>&lt;None Include="Vectors/**" CopyToOutputDirectory="PreserveNewest" /&gt;</c>). Each file is parsed once.
/// </summary>
public static class VectorFile
{
    private static readonly ConcurrentDictionary<string, JsonDocument> Cache = new(StringComparer.Ordinal);

    /// <summary>The output folder the vector files are copied to.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Vectors");

    /// <summary>The root element of <c>Vectors/<paramref name="fileName"/></c>.</summary>
    public static JsonElement Load(string fileName) =>
        Cache.GetOrAdd(fileName, static name =>
        {
            var path = Path.Combine(Directory, name);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"test vector file {name} is not in {Directory}: is Vectors/** copied to the output?", path);
            }

            return JsonDocument.Parse(File.ReadAllBytes(path));
        }).RootElement;

    /// <summary>The element of <paramref name="array"/> whose <c>name</c> member is <paramref name="name"/>.</summary>
    public static JsonElement Named(this JsonElement array, string name) =>
        array.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

    /// <summary>The <c>name</c> members of an array of named vectors, as theory data.</summary>
    public static TheoryData<string> Names(this JsonElement array)
    {
        var data = new TheoryData<string>();
        foreach (var e in array.EnumerateArray())
        {
            data.Add(e.GetProperty("name").GetString()!);
        }

        return data;
    }

    /// <summary>A string member.</summary>
    public static string Text(this JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidDataException($"{property} is null");

    /// <summary>A hex string member, decoded; a leading <c>0x</c> is allowed.</summary>
    public static byte[] Bytes(this JsonElement element, string property) => Hex.Decode(StripPrefix(element.Text(property)));

    /// <summary>An optional hex string member, decoded, or null when absent.</summary>
    public static byte[]? OptionalBytes(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? Hex.Decode(StripPrefix(value.GetString()!)) : null;

    /// <summary>An optional string member, or null when absent.</summary>
    public static string? OptionalText(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() : null;

    private static string StripPrefix(string hex) => hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex;
}
