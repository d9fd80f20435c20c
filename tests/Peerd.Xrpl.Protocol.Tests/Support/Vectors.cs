using System.Text.Json;

namespace Peerd.Xrpl.Protocol.Tests.Support;

/// <summary>Loads Vectors/node-keys.json (keys derived by ripple-keypairs, and rippled's own test keys).</summary>
public static class Vectors
{
    private static readonly Lazy<JsonDocument> NodeKeysDocument = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "node-keys.json"))));

    /// <summary>Rows: seed, seed_hex, private_key, node_private, public_key, node_public.</summary>
    public static TheoryData<string, string, string, string, string, string> NodeKeys()
    {
        var data = new TheoryData<string, string, string, string, string, string>();
        foreach (var row in NodeKeysDocument.Value.RootElement.GetProperty("node_keys").EnumerateArray())
        {
            data.Add(
                row.GetProperty("seed").GetString()!,
                row.GetProperty("seed_hex").GetString()!,
                row.GetProperty("private_key").GetString()!,
                row.GetProperty("node_private").GetString()!,
                row.GetProperty("public_key").GetString()!,
                row.GetProperty("node_public").GetString()!);
        }

        return data;
    }

    /// <summary>Rows: node_public, public_key (hex), from rippled's validator-list tests.</summary>
    public static TheoryData<string, string> ValidatorKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in NodeKeysDocument.Value.RootElement.GetProperty("validator_keys").EnumerateArray())
        {
            data.Add(row.GetProperty("node_public").GetString()!, row.GetProperty("public_key").GetString()!);
        }

        return data;
    }
}
