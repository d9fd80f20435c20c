namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>The two key types rippled knows (<c>publicKeyType</c>).</summary>
public enum KeyType
{
    /// <summary>33 bytes: 0x02/0x03 and x.</summary>
    Secp256k1,

    /// <summary>33 bytes: 0xED and the 32-byte key.</summary>
    Ed25519,
}
