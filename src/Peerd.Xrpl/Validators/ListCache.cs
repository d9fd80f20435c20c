using System.Text.Json.Nodes;
using Peerd.Primitives;
using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Xrpl.Validators;

/// <summary>
/// Verified lists survive a restart: each publisher's lists are written, crash-safe (temporary file, fsync, rename),
/// to <c>cache.&lt;publisher key&gt;</c> in the node's directory in the shape rippled caches and serves them
/// (<c>ValidatorList::buildFileData</c>), and re-verified when read back.
/// </summary>
public sealed class ListCache(string directory)
{
    /// <summary>The directory.</summary>
    public string Directory { get; } = directory;

    /// <summary>rippled's JSON for a publisher's lists (<c>buildFileData</c>); version 1 holds the current list only.</summary>
    public static JsonObject FileData(PublisherLists publisher, uint version)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        var value = new JsonObject
        {
            ["manifest"] = publisher.RawManifest,
            ["version"] = version,
            ["public_key"] = publisher.Key.Hex,
        };
        if (version == 1)
        {
            value["blob"] = publisher.Current?.RawBlob;
            value["signature"] = publisher.Current?.RawSignature;
            if (publisher.Current?.RawManifest is { } own && own != publisher.RawManifest)
            {
                value["manifest"] = own;
            }

            return value;
        }

        var blobs = new JsonArray();
        foreach (var list in publisher.Current is null ? publisher.Pending.Values : publisher.Pending.Values.Prepend(publisher.Current))
        {
            var blob = new JsonObject { ["blob"] = list.RawBlob, ["signature"] = list.RawSignature };
            if (list.RawManifest is { } own && own != publisher.RawManifest)
            {
                blob["manifest"] = own;
            }

            blobs.Add(blob);
        }

        value["blobs_v2"] = blobs;
        return value;
    }

    /// <summary>Writes a publisher's lists.</summary>
    public void Save(PublisherLists publisher)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        System.IO.Directory.CreateDirectory(Directory);
        var json = FileData(publisher, 2).ToJsonString();
        DurableFile.Write(PathOf(publisher.Key), System.Text.Encoding.UTF8.GetBytes(json), overwrite: true);
    }

    /// <summary>The cached envelopes found (unreadable or oversized files are skipped; verification decides the rest).</summary>
    public IEnumerable<(string Path, ListEnvelope Envelope)> Load()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            yield break;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "cache.*"))
        {
            byte[] bytes;
            try
            {
                if (new FileInfo(path).Length > ValidatorsFile.MaxLength * 8L)
                {
                    continue;
                }

                bytes = File.ReadAllBytes(path);
            }
            catch (IOException)
            {
                continue;
            }

            if (ListEnvelope.TryParseJson(bytes, out _) is { } envelope)
            {
                yield return (path, envelope);
            }
        }
    }

    private string PathOf(ValidatorKey key) => Path.Combine(Directory, $"cache.{key.Hex}");
}
