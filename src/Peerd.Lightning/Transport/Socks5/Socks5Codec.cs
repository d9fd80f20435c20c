using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Peerd.Lightning.Transport.Socks5;

/// <summary>
/// The client half of RFC 1928 as Peerd uses it — one method (no authentication) and one command (<c>CONNECT</c>) —
/// as pure encoders and decoders over spans. <see cref="Socks5Client"/> runs them over a socket.
/// </summary>
public static class Socks5Codec
{
    /// <summary><c>VER</c>: "the VER field is set to X'05' for this version of the protocol".</summary>
    public const byte Version = 5;

    /// <summary><c>METHOD</c> <c>X'00'</c>: no authentication required.</summary>
    public const byte NoAuthentication = 0x00;

    /// <summary><c>METHOD</c> <c>X'FF'</c>: "no acceptable methods"; "the client MUST close the connection".</summary>
    public const byte NoAcceptableMethods = 0xFF;

    /// <summary><c>CMD</c> <c>X'01'</c>: CONNECT.</summary>
    public const byte ConnectCommand = 0x01;

    /// <summary><c>ATYP</c> <c>X'01'</c>: a 4-byte IPv4 address.</summary>
    public const byte AddressTypeIPv4 = 0x01;

    /// <summary><c>ATYP</c> <c>X'03'</c>: "the first octet of the address field contains the number of octets of name that follow".</summary>
    public const byte AddressTypeDomainName = 0x03;

    /// <summary><c>ATYP</c> <c>X'04'</c>: a 16-byte IPv6 address.</summary>
    public const byte AddressTypeIPv6 = 0x04;

    /// <summary>The longest name a one-byte length allows.</summary>
    public const int MaxNameLength = byte.MaxValue;

    /// <summary>The method-selection reply: <c>VER</c>, <c>METHOD</c>.</summary>
    public const int MethodReplyLength = 2;

    /// <summary>The longest request or reply: VER, CMD/REP, RSV, ATYP (4) + length (1) + name (255) + port (2) = 262.</summary>
    public const int MaxMessageLength = 4 + 1 + MaxNameLength + 2;

    /// <summary>
    /// The bytes of a reply worth reading before its length is known: VER, REP, RSV, ATYP and the first address
    /// byte (a name's length). Every well-formed reply is at least this long (the shortest, an empty name, is 7).
    /// </summary>
    public const int ReplyHeadLength = 5;

    /// <summary>The greeting: <c>VER=5, NMETHODS=1, METHODS=[no authentication]</c>, as Core Lightning sends it.</summary>
    public static ReadOnlySpan<byte> Greeting => [Version, 1, NoAuthentication];

    /// <summary>Checks the 2-byte method-selection reply: <see cref="Socks5Error.None"/> when "no authentication" was chosen.</summary>
    public static Socks5Error CheckMethodReply(ReadOnlySpan<byte> reply)
    {
        if (reply.Length < MethodReplyLength)
        {
            throw new ArgumentException("the method reply is 2 bytes", nameof(reply));
        }

        return reply[1] switch
        {
            NoAcceptableMethods => Socks5Error.NoAcceptableMethods,
            NoAuthentication when reply[0] == Version => Socks5Error.None,
            _ => Socks5Error.UnexpectedMethod,
        };
    }

    /// <summary>The length of the CONNECT request for <paramref name="target"/>, or -1 when its name is longer than 255 bytes.</summary>
    public static int GetConnectLength(Socks5Target target)
    {
        int addressLength = target.Address is { } ip
            ? (ip.AddressFamily == AddressFamily.InterNetwork ? 4 : 16)
            : 1 + Encoding.UTF8.GetByteCount(target.Host!);
        return addressLength > 1 + MaxNameLength ? -1 : 4 + addressLength + 2;
    }

    /// <summary>
    /// Writes <c>VER CMD=CONNECT RSV ATYP DST.ADDR DST.PORT</c>; returns the length, or -1 (nothing written) when the
    /// name does not fit its one-byte length.
    /// </summary>
    public static int WriteConnect(Socks5Target target, Span<byte> destination)
    {
        int length = GetConnectLength(target);
        if (length < 0)
        {
            return -1;
        }

        if (destination.Length < length)
        {
            throw new ArgumentException($"the CONNECT request needs {length} bytes", nameof(destination));
        }

        destination[0] = Version;
        destination[1] = ConnectCommand;
        destination[2] = 0;
        int offset = 4;
        if (target.Address is { } ip)
        {
            destination[3] = ip.AddressFamily == AddressFamily.InterNetwork ? AddressTypeIPv4 : AddressTypeIPv6;
            ip.TryWriteBytes(destination[offset..], out int written);
            offset += written;
        }
        else
        {
            destination[3] = AddressTypeDomainName;
            int written = Encoding.UTF8.GetBytes(target.Host!, destination[(offset + 1)..]);
            destination[offset] = (byte)written;
            offset += 1 + written;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], (ushort)target.Port);
        return offset + 2;
    }

    /// <summary>
    /// Reads a reply <c>VER REP RSV ATYP BND.ADDR BND.PORT</c> from the bytes received so far.
    /// <see cref="OperationStatus.NeedMoreData"/>: <paramref name="bytesNeeded"/> is how many bytes in total to have
    /// before calling again (never more than the reply, so nothing after it is consumed).
    /// <see cref="OperationStatus.Done"/>: <paramref name="reply"/> is set; a refusal (<c>REP</c> ≠ 0) is reported as
    /// soon as its two first bytes are in, since a proxy may close without sending the rest.
    /// <see cref="OperationStatus.InvalidData"/>: <paramref name="reply"/> carries the error.
    /// </summary>
    public static OperationStatus TryReadReply(ReadOnlySpan<byte> received, out Socks5Reply reply, out int bytesNeeded)
    {
        reply = default;
        bytesNeeded = ReplyHeadLength;
        if (received.Length < 2)
        {
            return OperationStatus.NeedMoreData;
        }

        if (received[0] != Version)
        {
            reply = Socks5Reply.Invalid(Socks5Error.BadVersion, received[0]);
            return OperationStatus.InvalidData;
        }

        if (received[1] != Socks5ReplyCode.Succeeded)
        {
            reply = Socks5Reply.Refused(received[1]);
            return OperationStatus.Done;
        }

        if (received.Length < ReplyHeadLength)
        {
            return OperationStatus.NeedMoreData;
        }

        byte addressType = received[3];
        int addressLength = addressType switch
        {
            AddressTypeIPv4 => 4,
            AddressTypeIPv6 => 16,
            AddressTypeDomainName => 1 + received[4],
            _ => -1,
        };
        if (addressLength < 0)
        {
            reply = Socks5Reply.Invalid(Socks5Error.UnknownAddressType, addressType);
            return OperationStatus.InvalidData;
        }

        bytesNeeded = 4 + addressLength + 2;
        if (received.Length < bytesNeeded)
        {
            return OperationStatus.NeedMoreData;
        }

        var address = received.Slice(4, addressLength);
        string bound = addressType == AddressTypeDomainName
            ? Encoding.ASCII.GetString(address[1..])
            : new IPAddress(address).ToString();
        int port = BinaryPrimitives.ReadUInt16BigEndian(received[(4 + addressLength)..]);
        reply = Socks5Reply.Connected(bound, port, bytesNeeded);
        return OperationStatus.Done;
    }
}
