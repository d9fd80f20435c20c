using System.Text;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Messages;

/// <summary>
/// Safe rendering of the <c>data</c> of <c>error</c> and <c>warning</c>. BOLT #1: "if <c>data</c> is not composed
/// solely of printable ASCII characters (For reference: the printable character set includes byte values 32
/// through 126, inclusive): SHOULD NOT print out <c>data</c> verbatim."
/// </summary>
public static class PeerErrorText
{
    /// <summary>True when every byte is printable ASCII (32-126).</summary>
    public static bool IsPrintable(ReadOnlySpan<byte> data) => !data.ContainsAnyExceptInRange((byte)32, (byte)126);

    /// <summary>The text itself when printable; otherwise its lowercase hex (as Core Lightning's <c>sanitize_error</c>).</summary>
    public static string Render(ReadOnlySpan<byte> data) => IsPrintable(data) ? Encoding.ASCII.GetString(data) : Hex.Encode(data);
}
