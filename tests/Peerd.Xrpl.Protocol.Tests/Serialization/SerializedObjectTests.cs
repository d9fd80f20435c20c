using Peerd.Xrpl.Protocol.Serialization;

namespace Peerd.Xrpl.Protocol.Tests.Serialization;

public class SerializedObjectTests
{
    private static readonly HashSet<FieldId> Template = [FieldId.Sequence, FieldId.PublicKey, FieldId.Domain, FieldId.Signature, FieldId.MasterSignature];

    // Sequence 1, PublicKey (3 bytes), Signature (2 bytes), MasterSignature (1 byte; field 18 needs a second header byte).
    private static readonly byte[] Sample = Convert.FromHexString("2400000001" + "7103AABBCC" + "7602DDEE" + "701201FF");

    [Fact]
    public void ReadsFieldsAndReportsAbsentOnesAsAbsent()
    {
        var obj = SerializedObject.TryParse(Sample, Template, out var error);
        Assert.True(obj is not null, error);
        Assert.Equal(1u, obj.GetUInt32(FieldId.Sequence));
        Assert.Equal(new byte[] { 0xAA, 0xBB, 0xCC }, obj.GetBlob(FieldId.PublicKey));
        Assert.Equal(new byte[] { 0xFF }, obj.GetBlob(FieldId.MasterSignature));
        Assert.False(obj.Has(FieldId.Domain));
        Assert.Null(obj.GetBlob(FieldId.Domain));
    }

    [Fact]
    public void SigningDataIsThePrefixAndTheSigningFieldsOnly()
    {
        var obj = SerializedObject.TryParse(Sample, Template, out _)!;
        Assert.Equal("4D414E00" + "2400000001" + "7103AABBCC", Convert.ToHexString(obj.SigningData(HashPrefix.Manifest)));
    }

    [Theory]
    [InlineData("7103AABBCC2400000001", "field 2/4 out of canonical order")]
    [InlineData("24000000012400000002", "duplicate field 2/4")]
    [InlineData("2500000001", "unexpected field 2/5")]
    [InlineData("7105AABBCC", "truncated value of field 7/1")]
    [InlineData("70", "truncated field header")]
    [InlineData("71FF", "truncated value of field 7/1")]
    public void RefusesNonCanonicalOrTruncatedInput(string hex, string reason)
    {
        Assert.Null(SerializedObject.TryParse(Convert.FromHexString(hex), Template, out var error));
        Assert.Equal(reason, error);
    }

    [Theory]
    [InlineData("00", 0)]
    [InlineData("C0", 192)]
    [InlineData("C100", 193)]
    [InlineData("F0FF", 12480)]
    [InlineData("F10000", 12481)]
    public void LengthPrefixMatchesRippledsEncoding(string prefix, int length)
    {
        var data = Convert.FromHexString(prefix).Concat(new byte[length]).ToArray();
        var position = 0;
        Assert.True(SerializedObject.TryReadLength(data, ref position, out var read));
        Assert.Equal(length, read);
        Assert.Equal(prefix.Length / 2, position);
        position = 0;
        Assert.False(SerializedObject.TryReadLength(data.AsSpan(0, data.Length - 1), ref position, out _) && length > 0);
    }
}
