using System.Runtime.CompilerServices;

namespace Peerd.Lightning.Protocol.Noise;

/// <summary>32 bytes held inline in their owner (keys, <c>ck</c>, <c>h</c>), like LND's <c>[32]byte</c> fields.</summary>
[InlineArray(Bolt8Constants.KeyLength)]
internal struct Bytes32
{
    private byte _element0;
}

/// <summary>A compressed secp256k1 public key held inline in its owner.</summary>
[InlineArray(Bolt8Constants.PublicKeyLength)]
internal struct Bytes33
{
    private byte _element0;
}
