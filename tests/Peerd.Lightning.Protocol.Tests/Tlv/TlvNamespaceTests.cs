using Peerd.Lightning.Protocol.Tlv;

namespace Peerd.Lightning.Protocol.Tests.Tlv;

public class TlvNamespaceTests
{
    [Fact]
    public void DuplicateTypesAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new TlvNamespace(
            "dup",
            new TlvRecordSpec(1, "a", TlvValueRules.AnyLength),
            new TlvRecordSpec(1, "b", TlvValueRules.AnyLength)));
    }

    [Fact]
    public void EmptyNamespaceSkipsOddAndFailsEven()
    {
        Assert.Equal(TlvError.None, TlvStream.Validate([0x01, 0x00, 0x03, 0x01, 0xff], TlvNamespace.Empty));
        Assert.Equal(TlvError.UnknownEvenType, TlvStream.Validate([0x02, 0x00], TlvNamespace.Empty));
    }

    [Fact]
    public void KnownTypesAreFound()
    {
        Assert.True(TestNamespaces.N1.TryGet(254, out var spec));
        Assert.Equal("tlv4", spec.Name);
        Assert.False(TestNamespaces.N1.TryGet(4, out _));
        Assert.Equal(4, TestNamespaces.N1.Records.Count());
    }
}
