using Peerd.Crypto;
using Peerd.Primitives;

namespace Peerd.Lightning.Protocol.Tests.Fuzzing;

/// <summary>The BOLT 8 Appendix A keys, so every mutation run starts from the same valid acts.</summary>
internal static class FixedKeys
{
    public static StaticKey InitiatorStatic { get; } = new(Hex.Decode("1111111111111111111111111111111111111111111111111111111111111111"));

    public static byte[] InitiatorEphemeral { get; } = Hex.Decode("1212121212121212121212121212121212121212121212121212121212121212");

    public static StaticKey ResponderStatic { get; } = new(Hex.Decode("2121212121212121212121212121212121212121212121212121212121212121"));

    public static byte[] ResponderEphemeral { get; } = Hex.Decode("2222222222222222222222222222222222222222222222222222222222222222");
}
