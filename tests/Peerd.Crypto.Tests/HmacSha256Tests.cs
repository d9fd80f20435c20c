using System.Security.Cryptography;
using Peerd.Primitives;

namespace Peerd.Crypto.Tests;

public class HmacSha256Tests
{
    /// <summary>RFC 4231, section 4: test cases 1 to 7, HMAC-SHA-256 rows (case 5 is truncated to 128 bits).</summary>
    public static TheoryData<string, string, string, string> Rfc4231 => new()
    {
        { "Test Case 1", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { "Test Case 2", "4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        { "Test Case 3", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", new string('d', 100), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
        { "Test Case 4", "0102030405060708090a0b0c0d0e0f10111213141516171819", Repeat("cd", 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b" },
        { "Test Case 5", "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c", "546573742057697468205472756e636174696f6e", "a3b6167473100ee06e0c796c2955552b" },
        {
            "Test Case 6", Repeat("aa", 131),
            "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374",
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        },
        {
            "Test Case 7", Repeat("aa", 131),
            "5468697320697320612074657374207573696e672061206c6172676572207468616e20626c6f636b2d73697a65206b657920616e642061206c6172676572207468616e20626c6f636b2d73697a6520646174612e20546865206b6579206e6565647320746f20626520686173686564206265666f7265206265696e6720757365642062792074686520484d414320616c676f726974686d2e",
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc4231))]
    public void ComputeMatchesRfc4231(string name, string key, string data, string expected)
    {
        var mac = new byte[HmacSha256.MacLength];
        HmacSha256.Compute(Hex.Decode(key), Hex.Decode(data), mac);
        Assert.Equal(expected, Hex.Encode(mac.AsSpan(0, expected.Length / 2)));
    }

    [Fact]
    public void ComputeAgreesWithSystemSecurityCryptographyForKeyAndDataSizesUpTo300()
    {
        var random = new Random(2104);
        for (var size = 0; size <= 300; size++)
        {
            var key = new byte[random.Next(0, 300)];
            var data = new byte[size];
            random.NextBytes(key);
            random.NextBytes(data);
            var mac = new byte[HmacSha256.MacLength];
            HmacSha256.Compute(key, data, mac);
            Assert.Equal(HMACSHA256.HashData(key, data), mac);
        }
    }

    [Fact]
    public void MacMayOverwriteTheKeyOrTheData()
    {
        var key = Sha256Tests.RandomBytes(32, seed: 4);
        var data = Sha256Tests.RandomBytes(32, seed: 5);
        var expected = HMACSHA256.HashData(key, data);

        var overKey = key.ToArray();
        HmacSha256.Compute(overKey, data, overKey);
        Assert.Equal(expected, overKey);

        var overData = data.ToArray();
        HmacSha256.Compute(key, overData, overData);
        Assert.Equal(expected, overData);
    }

    private static string Repeat(string hexByte, int count) => string.Concat(Enumerable.Repeat(hexByte, count));
}
