using System.Text;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// BOLT #10 names: a node id is written in bech32 with the human-readable part <c>ln</c> (BIP 173), so a seed is asked
/// for one node as <c>&lt;bech32 node id&gt;.&lt;seed&gt;</c> (A/AAAA) and for its port as
/// <c>l&lt;bech32 node id&gt;._nodes._tcp.&lt;seed&gt;</c> (SRV, the <c>l</c> key-value condition).
/// </summary>
public static class DnsSeedName
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static readonly uint[] Generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

    /// <summary>The bech32 encoding of <paramref name="nodeId"/> with <paramref name="hrp"/> (<c>ln</c>).</summary>
    public static string Bech32(ReadOnlySpan<byte> nodeId, string hrp = "ln")
    {
        ArgumentNullException.ThrowIfNull(hrp);
        var data = new List<byte>();
        int accumulator = 0, bits = 0;
        foreach (byte b in nodeId)
        {
            accumulator = (accumulator << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                data.Add((byte)((accumulator >> bits) & 31));
            }
        }

        if (bits > 0)
        {
            data.Add((byte)((accumulator << (5 - bits)) & 31));
        }

        var values = new List<byte>();
        values.AddRange(hrp.Select(c => (byte)(c >> 5)));
        values.Add(0);
        values.AddRange(hrp.Select(c => (byte)(c & 31)));
        values.AddRange(data);
        values.AddRange(new byte[6]);
        uint polymod = Polymod(values) ^ 1;
        var text = new StringBuilder(hrp).Append('1');
        foreach (byte d in data)
        {
            text.Append(Charset[d]);
        }

        for (int i = 0; i < 6; i++)
        {
            text.Append(Charset[(int)((polymod >> (5 * (5 - i))) & 31)]);
        }

        return text.ToString();
    }

    /// <summary><c>&lt;bech32 node id&gt;.&lt;seed&gt;</c>: its A/AAAA records are the node's addresses (default port).</summary>
    public static string NodeHost(ReadOnlySpan<byte> nodeId, string seed) => $"{Bech32(nodeId)}.{seed}";

    /// <summary><c>l&lt;bech32 node id&gt;._nodes._tcp.&lt;seed&gt;</c>: its SRV records name the node's host and port.</summary>
    public static string NodeService(ReadOnlySpan<byte> nodeId, string seed) => $"l{Bech32(nodeId)}._nodes._tcp.{seed}";

    private static uint Polymod(List<byte> values)
    {
        uint chk = 1;
        foreach (byte v in values)
        {
            uint top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++)
            {
                if (((top >> i) & 1) != 0)
                {
                    chk ^= Generator[i];
                }
            }
        }

        return chk;
    }
}
