using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Peerd.Primitives;
using Peerd.Xrpl.Protocol.Handshake;
using Peerd.Xrpl.Protocol.Messages;
using Peerd.Xrpl.Protocol.Validators;
using Peerd.Xrpl.Validators;

namespace Peerd.Xrpl.Tests.Support;

/// <summary>
/// Validator lists, manifests and validations built by tests/interop/xrpl/validators.mjs (ripple-binary-codec and
/// ripple-keypairs), as JSON and as the peer messages that carry them.
/// </summary>
public sealed class ValidatorFixtures(JsonObject data)
{
    public JsonObject Data { get; } = data;

    public uint Now => (uint)Data["now"]!;

    public ValidatorKey Publisher => ValidatorKey.TryParse((string)Data["publisher"]!["master"]!)!;

    public TrustAnchors Anchors => new([Publisher], [], [], 0);

    /// <summary>Runs the script for the given network time (default: now).</summary>
    public static async Task<ValidatorFixtures> BuildAsync(uint? now = null, uint ledger = 1000)
    {
        var seconds = now ?? (uint)NetworkTime.ToNetworkSeconds(DateTimeOffset.UtcNow);
        await using var script = NodeScript.Start("validators.mjs", "--now", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ledger", ledger.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ValidatorFixtures(await script.NextAsync(_ => true, "the fixtures"));
    }

    public ListEnvelope Envelope(string name) => ListEnvelope.TryParseJson(Encoding.UTF8.GetBytes(Data["lists"]![name]!.ToJsonString()), out _)!;

    public TMValidatorListCollection Collection(string name)
    {
        var list = Data["lists"]![name]!;
        var message = new TMValidatorListCollection { Version = 2, Manifest = ByteString.CopyFromUtf8((string)list["manifest"]!) };
        foreach (var blob in list["blobs_v2"]!.AsArray())
        {
            message.Blobs.Add(new ValidatorBlobInfo { Blob = ByteString.CopyFromUtf8((string)blob!["blob"]!), Signature = ByteString.CopyFromUtf8((string)blob["signature"]!) });
        }

        return message;
    }

    public TMValidatorList V1(string name)
    {
        var list = Data["lists"]![name]!;
        return new TMValidatorList
        {
            Version = (uint)list["version"]!,
            Manifest = ByteString.CopyFromUtf8((string)list["manifest"]!),
            Blob = ByteString.CopyFromUtf8((string)list["blob"]!),
            Signature = ByteString.CopyFromUtf8((string)list["signature"]!),
        };
    }

    public byte[] ValidationBytes(string name, int index = -1) =>
        Hex.Decode(index < 0 ? (string)Data["validations"]![name]! : (string)Data["validations"]![name]![index]!);

    public TMValidation Validation(string name, int index = -1) => new() { Validation = ByteString.CopyFrom(ValidationBytes(name, index)) };

    public int FullCount => Data["validations"]!["full"]!.AsArray().Count;

    public string LedgerHash => (string)Data["validations"]!["ledgerHash"]!;
}
