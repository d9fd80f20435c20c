using System.Buffers;
using Peerd.Lightning.Transport.Socks5;

namespace Peerd.Fuzz.Targets;

/// <summary>
/// What a SOCKS5 proxy sends back: the 2-byte method reply, then the CONNECT reply, read the way
/// <see cref="Socks5Client"/> reads them (the bytes received so far; more when the codec asks). Each ends in
/// success, a refusal code, or a typed error.
/// </summary>
internal static class Socks5Replies
{
    public static FuzzTarget Target { get; } = new("socks5-replies", "method reply (2 bytes) + CONNECT reply", Seeds, Run);

    private static IEnumerable<byte[]> Seeds() =>
    [
        [5, 0, 5, 0, 0, 1, 127, 0, 0, 1, 0x26, 0x07],
        [5, 0, 5, 0, 0, 4, .. new byte[15], 1, 0x26, 0x07],
        [5, 0, 5, 0, 0, 3, 9, .. "localhost"u8, 0x26, 0x07],
        [5, 0, 5, 4, 0, 1, 0, 0, 0, 0, 0, 0],
        [5, 0xff],
    ];

    private static void Run(byte[] input)
    {
        if (input.Length < Socks5Codec.MethodReplyLength || Socks5Codec.CheckMethodReply(input) != Socks5Error.None)
        {
            return;
        }

        var reply = input.AsSpan(Socks5Codec.MethodReplyLength);
        var have = Math.Min(reply.Length, Socks5Codec.ReplyHeadLength);
        while (true)
        {
            var status = Socks5Codec.TryReadReply(reply[..have], out var read, out var needed);
            switch (status)
            {
                case OperationStatus.Done:
                    FuzzInvariantException.Check(read.Succeeded == (read.Error == Socks5Error.None) && (!read.Succeeded || read.Length <= have), "a reply longer than what was received");
                    return;
                case OperationStatus.InvalidData:
                    FuzzInvariantException.Check(read.Error != Socks5Error.None, "InvalidData without an error");
                    return;
                case OperationStatus.NeedMoreData:
                    FuzzInvariantException.Check(needed > have && needed <= Socks5Codec.MaxMessageLength, $"asked for {needed} bytes having {have}");
                    if (reply.Length < needed)
                    {
                        return;
                    }

                    have = needed;
                    continue;
                default:
                    throw new FuzzInvariantException($"unexpected {status}");
            }
        }
    }
}
