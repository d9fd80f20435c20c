using System.Text.Json;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Primitives;
using Peerd.TestKit;

namespace Peerd.Lightning.Protocol.Tests.Noise;

/// <summary>BOLT #8 Appendix A, from <c>Vectors/bolt8.json</c>.</summary>
internal static class Bolt8Vectors
{
    public static JsonElement Root => VectorFile.Load("bolt8.json");

    public static JsonElement Initiator => Root.GetProperty("initiator");

    public static JsonElement Responder => Root.GetProperty("responder");

    public static JsonElement Messages => Root.GetProperty("message_encryption");

    public static TheoryData<string> InitiatorNames => Initiator.Names();

    public static TheoryData<string> ResponderNames => Responder.Names();

    /// <summary>The "transport-message test" output numbers (0, 1, 500, 501, 1000, 1001).</summary>
    public static TheoryData<int> MessageOutputs
    {
        get
        {
            var data = new TheoryData<int>();
            foreach (var output in Messages.GetProperty("outputs").EnumerateObject())
            {
                data.Add(int.Parse(output.Name, System.Globalization.CultureInfo.InvariantCulture));
            }

            return data;
        }
    }

    public static byte[] MessageOutput(int n) =>
        Hex.Decode(Messages.GetProperty("outputs").GetProperty(n.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetString()!);

    /// <summary>The spec's error name ("ACT2_BAD_VERSION 1" carries the bad value after a space) as our enum.</summary>
    public static HandshakeError ExpectedError(JsonElement vector) =>
        vector.OptionalText("expected_error")?.Split(' ')[0] switch
        {
            null => HandshakeError.None,
            "ACT1_READ_FAILED" => HandshakeError.ActOneReadFailed,
            "ACT1_BAD_VERSION" => HandshakeError.ActOneBadVersion,
            "ACT1_BAD_PUBKEY" => HandshakeError.ActOneBadPubkey,
            "ACT1_BAD_TAG" => HandshakeError.ActOneBadTag,
            "ACT2_READ_FAILED" => HandshakeError.ActTwoReadFailed,
            "ACT2_BAD_VERSION" => HandshakeError.ActTwoBadVersion,
            "ACT2_BAD_PUBKEY" => HandshakeError.ActTwoBadPubkey,
            "ACT2_BAD_TAG" => HandshakeError.ActTwoBadTag,
            "ACT3_READ_FAILED" => HandshakeError.ActThreeReadFailed,
            "ACT3_BAD_VERSION" => HandshakeError.ActThreeBadVersion,
            "ACT3_BAD_CIPHERTEXT" => HandshakeError.ActThreeBadCiphertext,
            "ACT3_BAD_PUBKEY" => HandshakeError.ActThreeBadPubkey,
            "ACT3_BAD_TAG" => HandshakeError.ActThreeBadTag,
            var other => throw new InvalidDataException($"unknown expected_error {other}"),
        };

    /// <summary>
    /// The value a trace line assigns, e.g. <c>Trace(v, "Act Two", "ck,temp_k2=")</c> → the two hex values of
    /// <c>ck,temp_k2=0x…,0x…</c>. With several matches in the act, the last one (the act's final value) is returned.
    /// </summary>
    public static string[] Trace(JsonElement vector, string act, string assignment)
    {
        var inAct = false;
        string? found = null;
        foreach (var line in vector.GetProperty("trace").EnumerateArray().Select(l => l.GetString()!))
        {
            if (line.StartsWith("Act ", StringComparison.Ordinal))
            {
                inAct = line == act;
            }
            else if (inAct && line.StartsWith(assignment, StringComparison.Ordinal))
            {
                found = line[assignment.Length..];
            }
        }

        return found is null
            ? throw new InvalidDataException($"no '{assignment}' in {act}")
            : found.Split(',').Select(v => v.Trim().Replace("0x", "", StringComparison.Ordinal)).ToArray();
    }
}
