using Peerd.Crypto;

namespace Peerd.Lightning.Tests.Rpc.Parameters;

/// <summary>Node ids made from fixed private keys.</summary>
internal static class TestKeys
{
    public static readonly byte[] Peer = Secp256k1.CreatePublicKey(Convert.FromHexString("1111111111111111111111111111111111111111111111111111111111111111"));
    public static readonly byte[] Ours = Secp256k1.CreatePublicKey(Convert.FromHexString("2222222222222222222222222222222222222222222222222222222222222222"));

    public static string PeerHex => Convert.ToHexStringLower(Peer);

    public static string OursHex => Convert.ToHexStringLower(Ours);
}
