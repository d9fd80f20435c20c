using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Protocol.Tests.Gossip;

public class DnsSeedNameTests
{
    [Fact]
    public void Bech32MatchesBip173sVectors()
    {
        Assert.Equal("a12uel5l", DnsSeedName.Bech32([], "a"));

        // "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw": the data is the 5-bit values 0..31, i.e. these 20 bytes.
        var bytes = new byte[20];
        for (int bit = 0; bit < 160; bit++)
        {
            int value = bit / 5;
            if (((value >> (4 - (bit % 5))) & 1) != 0)
            {
                bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
            }
        }

        Assert.Equal("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", DnsSeedName.Bech32(bytes, "abcdef"));
    }

    [Fact]
    public void ANodeIsAskedForByItsBech32IdUnderTheSeed()
    {
        var id = Convert.FromHexString("03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f");
        var host = DnsSeedName.NodeHost(id, "lseed.example");
        Assert.StartsWith("ln1q", host, StringComparison.Ordinal);
        Assert.EndsWith(".lseed.example", host, StringComparison.Ordinal);
        Assert.Equal(2 + 1 + 53 + 6, host.IndexOf('.', StringComparison.Ordinal));
        Assert.Equal("l" + host.Replace(".lseed.example", "._nodes._tcp.lseed.example", StringComparison.Ordinal), DnsSeedName.NodeService(id, "lseed.example"));
    }
}
