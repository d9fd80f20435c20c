using System.Security.Cryptography;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// The funding output a <c>channel_announcement</c> claims (BOLT #7: "the funding output ... MUST be a P2WSH as
/// described in BOLT #3"): BOLT #3's funding witness script <c>2 &lt;pubkey1&gt; &lt;pubkey2&gt; 2 OP_CHECKMULTISIG</c>,
/// the two <c>bitcoin_key</c>s in lexicographic order of their compressed encodings, paid to as P2WSH
/// (<c>OP_0 &lt;32-byte SHA-256 of the witness script&gt;</c>). Pure: no I/O.
/// </summary>
public static class FundingOutput
{
    /// <summary>A compressed public key's length.</summary>
    public const int KeyLength = 33;

    /// <summary>The witness script's length: OP_2, two pushed keys, OP_2, OP_CHECKMULTISIG.</summary>
    public const int WitnessScriptLength = 1 + (2 * (1 + KeyLength)) + 2;

    /// <summary>A P2WSH output script's length: OP_0, a 32-byte push.</summary>
    public const int ScriptPubKeyLength = 2 + 32;

    private const byte Op0 = 0x00;
    private const byte Op2 = 0x52;
    private const byte OpCheckMultisig = 0xae;

    /// <summary>BOLT #3's funding witness script for the two funding keys (in either order).</summary>
    /// <exception cref="ArgumentException">A key is not 33 bytes.</exception>
    public static byte[] WitnessScript(ReadOnlySpan<byte> key1, ReadOnlySpan<byte> key2)
    {
        if (key1.Length != KeyLength || key2.Length != KeyLength)
        {
            throw new ArgumentException($"funding keys are {KeyLength}-byte compressed points");
        }

        if (key1.SequenceCompareTo(key2) > 0)
        {
            var swap = key1;
            key1 = key2;
            key2 = swap;
        }

        var script = new byte[WitnessScriptLength];
        script[0] = Op2;
        script[1] = KeyLength;
        key1.CopyTo(script.AsSpan(2));
        script[2 + KeyLength] = KeyLength;
        key2.CopyTo(script.AsSpan(3 + KeyLength));
        script[^2] = Op2;
        script[^1] = OpCheckMultisig;
        return script;
    }

    /// <summary>The P2WSH output script paying to <paramref name="witnessScript"/>.</summary>
    public static byte[] P2Wsh(ReadOnlySpan<byte> witnessScript)
    {
        var output = new byte[ScriptPubKeyLength];
        output[0] = Op0;
        output[1] = 32;
        SHA256.HashData(witnessScript, output.AsSpan(2));
        return output;
    }

    /// <summary>The output script a channel funded by these two keys must have.</summary>
    public static byte[] ScriptPubKey(ReadOnlySpan<byte> key1, ReadOnlySpan<byte> key2) => P2Wsh(WitnessScript(key1, key2));

    /// <summary>The output script <paramref name="announcement"/>'s funding output must have.</summary>
    public static byte[] ScriptPubKey(ChannelAnnouncement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        return ScriptPubKey(announcement.BitcoinKey1, announcement.BitcoinKey2);
    }
}
