using Peerd.Primitives;
using Peerd.Xrpl.Protocol.Identity;
using Peerd.Xrpl.Protocol.Tokens;

namespace Peerd.Xrpl.Protocol.Tests.Identity;

public class NodePublicKeyTests
{
    [Fact]
    public void TryParseAcceptsAnEd25519KeyButMarksItUnsupported()
    {
        var bytes = new byte[33];
        bytes[0] = NodePublicKey.Ed25519Prefix;
        var text = XrplBase58.EncodeToken(TokenType.NodePublic, bytes);
        Assert.True(NodePublicKey.TryParse(text, out var key));
        Assert.False(key.IsSecp256k1);
    }

    [Fact]
    public void TryParseRejectsAnUnknownPrefixAndOtherTokenTypes()
    {
        var bytes = Hex.Decode("04d49c56e1b185f1be899ae66a02efc17f78ea6fc53af85e0fe54c6e8b7f8c71a8");
        Assert.False(NodePublicKey.TryParse(XrplBase58.EncodeToken(TokenType.NodePublic, bytes), out _));
        bytes[0] = 0x03;
        Assert.False(NodePublicKey.TryParse(XrplBase58.EncodeToken(TokenType.AccountPublic, bytes), out _));
        Assert.True(NodePublicKey.TryParse(XrplBase58.EncodeToken(TokenType.NodePublic, bytes), out var key));
        Assert.Equal("n94a1u4jAz288pZLtw6yFWVbi89YamiC6JBXPVUj5zmExe5fTVg9", key.ToString());
    }

    [Fact]
    public void KeysWithTheSameBytesAreEqual()
    {
        Assert.True(NodePublicKey.TryParse("n94a1u4jAz288pZLtw6yFWVbi89YamiC6JBXPVUj5zmExe5fTVg9", out var a));
        var b = NodePublicKey.FromBytes(a.Bytes);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
