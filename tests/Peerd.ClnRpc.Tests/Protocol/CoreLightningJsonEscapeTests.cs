using System.Text;
using Peerd.ClnRpc.Protocol;

namespace Peerd.ClnRpc.Tests.Protocol;

public class CoreLightningJsonEscapeTests
{
    private static string Quote(byte[] raw)
    {
        var destination = new byte[2 + (6 * raw.Length)];
        return Encoding.Latin1.GetString(destination, 0, CoreLightningJsonEscape.Quote(raw, destination));
    }

    [Fact]
    public void EscapesAsCcansJsonEscapeDoes()
    {
        // json_escape: the five short escapes, quote and backslash, other controls and DEL as \u00XX in upper case.
        Assert.Equal("\"a\\nb\\bc\\fd\\te\\rf\\\\g\\\"h\\u0001\\u001B\\u007F/'<>&\"", Quote(Encoding.ASCII.GetBytes("a\nb\bc\fd\te\rf\\g\"h\u0001\u001b\u007f/'<>&")));
    }

    [Fact]
    public void CopiesBytesFrom0x80UpUnchecked()
    {
        // "é" as UTF-8, then a lone continuation byte: Core Lightning passes both through as they came.
        Assert.Equal("\"\u00c3\u00a9\u0080\"", Quote([0xC3, 0xA9, 0x80]));
    }

    [Fact]
    public void AnEmptyAliasIsAnEmptyString()
    {
        Assert.Equal("\"\"", Quote([]));
    }
}
