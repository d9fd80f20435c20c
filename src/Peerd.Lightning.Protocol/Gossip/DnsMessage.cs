using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Peerd.Lightning.Protocol.Gossip;

/// <summary>
/// The little of RFC 1035 (and RFC 2782's SRV) that BOLT #10 needs: a one-question query, and the A, AAAA and SRV
/// answers of a response. Reading never throws; a malformed response reads as no answers.
/// </summary>
public static class DnsMessage
{
    /// <summary>Record type A.</summary>
    public const ushort TypeA = 1;

    /// <summary>Record type AAAA.</summary>
    public const ushort TypeAaaa = 28;

    /// <summary>Record type SRV.</summary>
    public const ushort TypeSrv = 33;

    /// <summary>A recursive query for <paramref name="name"/> of <paramref name="type"/>, class IN.</summary>
    public static byte[] Query(ushort id, string name, ushort type)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bytes = new List<byte>(12 + name.Length + 6);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        header[2] = 0x01; // RD
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], 1);
        bytes.AddRange(header.ToArray());
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            var ascii = Encoding.ASCII.GetBytes(label);
            if (ascii.Length is 0 or > 63)
            {
                throw new ArgumentException($"invalid DNS name {name}", nameof(name));
            }

            bytes.Add((byte)ascii.Length);
            bytes.AddRange(ascii);
        }

        bytes.Add(0);
        bytes.Add((byte)(type >> 8));
        bytes.Add((byte)type);
        bytes.Add(0);
        bytes.Add(1);
        return [.. bytes];
    }

    /// <summary>The answers of a response to query <paramref name="id"/>: addresses (A/AAAA) and services (SRV).</summary>
    public static (IReadOnlyList<IPAddress> Addresses, IReadOnlyList<(string Target, ushort Port)> Services) ReadAnswers(ReadOnlySpan<byte> response, ushort id)
    {
        var addresses = new List<IPAddress>();
        var services = new List<(string, ushort)>();
        if (response.Length < 12 || BinaryPrimitives.ReadUInt16BigEndian(response) != id || (response[2] & 0x80) == 0 || (response[3] & 0x0F) != 0)
        {
            return (addresses, services);
        }

        int questions = BinaryPrimitives.ReadUInt16BigEndian(response[4..]);
        int answers = BinaryPrimitives.ReadUInt16BigEndian(response[6..]);
        int offset = 12;
        for (int i = 0; i < questions; i++)
        {
            if (!TrySkipName(response, ref offset) || (offset += 4) > response.Length)
            {
                return (addresses, services);
            }
        }

        for (int i = 0; i < answers; i++)
        {
            if (!TrySkipName(response, ref offset) || offset + 10 > response.Length)
            {
                break;
            }

            ushort type = BinaryPrimitives.ReadUInt16BigEndian(response[offset..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(response[(offset + 8)..]);
            int data = offset + 10;
            if (data + length > response.Length)
            {
                break;
            }

            if ((type == TypeA && length == 4) || (type == TypeAaaa && length == 16))
            {
                addresses.Add(new IPAddress(response.Slice(data, length)));
            }
            else if (type == TypeSrv && length > 6)
            {
                ushort port = BinaryPrimitives.ReadUInt16BigEndian(response[(data + 4)..]);
                int target = data + 6;
                if (TryReadName(response, target, out var name))
                {
                    services.Add((name, port));
                }
            }

            offset = data + length;
        }

        return (addresses, services);
    }

    private static bool TrySkipName(ReadOnlySpan<byte> message, ref int offset)
    {
        while (offset < message.Length)
        {
            byte length = message[offset];
            if (length == 0)
            {
                offset++;
                return true;
            }

            if ((length & 0xC0) == 0xC0)
            {
                offset += 2;
                return offset <= message.Length;
            }

            offset += 1 + length;
        }

        return false;
    }

    private static bool TryReadName(ReadOnlySpan<byte> message, int offset, out string name)
    {
        var labels = new List<string>();
        name = "";
        for (int jumps = 0; offset < message.Length && jumps < 16;)
        {
            byte length = message[offset];
            if (length == 0)
            {
                name = string.Join('.', labels);
                return true;
            }

            if ((length & 0xC0) == 0xC0)
            {
                if (offset + 1 >= message.Length)
                {
                    return false;
                }

                offset = ((length & 0x3F) << 8) | message[offset + 1];
                jumps++;
                continue;
            }

            if (offset + 1 + length > message.Length)
            {
                return false;
            }

            labels.Add(Encoding.ASCII.GetString(message.Slice(offset + 1, length)));
            offset += 1 + length;
        }

        return false;
    }
}
