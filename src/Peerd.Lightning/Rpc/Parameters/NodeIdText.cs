using Peerd.Crypto;
using Peerd.Lightning.Node;

namespace Peerd.Lightning.Rpc.Parameters;

/// <summary>
/// Core Lightning's <c>node_id_from_hexstr</c>: exactly 66 hex digits (either case) that decode to a valid compressed
/// secp256k1 point.
/// </summary>
public static class NodeIdText
{
    /// <summary>Length of a node id in hex: 2 × 33.</summary>
    public const int HexLength = 2 * Secp256k1.PublicKeyLength;

    /// <summary>Parses <paramref name="text"/> as a node id.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out NodeId nodeId)
    {
        nodeId = default;
        if (text.Length != HexLength)
        {
            return false;
        }

        var bytes = new byte[Secp256k1.PublicKeyLength];
        if (Convert.FromHexString(text, bytes, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != bytes.Length
            || !Secp256k1.IsValidPublicKey(bytes))
        {
            return false;
        }

        nodeId = NodeId.FromCheckedBytes(bytes);
        return true;
    }
}
