using Peerd.Lightning.Protocol.Addresses;

namespace Peerd.Fuzz.Targets;

/// <summary>A BOLT 7 address list (a <c>node_announcement</c>'s <c>addresses</c>): decodes or is refused, and what decodes writes and reads back equal.</summary>
internal static class WireAddresses
{
    public static FuzzTarget Target { get; } = new("bolt7-addresses", "the addresses field of a node_announcement", Seeds, Run);

    private static IEnumerable<byte[]> Seeds() => [Encode(LightningMessages.Addresses), .. LightningMessages.Addresses.Select(a => Encode(a))];

    private static void Run(byte[] input)
    {
        if (!WireAddressList.TryDecode(input, out var addresses))
        {
            FuzzInvariantException.Check(addresses.Count == 0, "a refused list still returned addresses");
            return;
        }

        FuzzInvariantException.Check(WireAddressList.TryDecode(Encode([.. addresses]), out var reread), "a list written back no longer decodes");
        FuzzInvariantException.Check(addresses.SequenceEqual(reread), "a list written back decodes to other addresses");
    }

    private static byte[] Encode(params WireAddress[] addresses)
    {
        var bytes = new byte[WireAddressList.GetLength(addresses)];
        WireAddressList.Write(addresses, bytes);
        return bytes;
    }
}
