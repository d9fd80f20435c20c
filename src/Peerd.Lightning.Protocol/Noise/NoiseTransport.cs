namespace Peerd.Lightning.Protocol.Noise;

/// <summary>
/// The keys a completed BOLT #8 handshake hands over. The two directions are independent objects, so a read loop
/// and a write loop can run concurrently; each one alone is single-threaded.
/// </summary>
public sealed class NoiseTransport : IDisposable
{
    internal NoiseTransport(ReadOnlySpan<byte> sendingKey, ReadOnlySpan<byte> receivingKey, ReadOnlySpan<byte> chainingKey)
    {
        // "sck = ck and rck = ck": both directions start rotating from the handshake's final chaining key.
        Sender = new NoiseEncryptor(sendingKey, chainingKey);
        Receiver = new NoiseDecryptor(receivingKey, chainingKey);
    }

    /// <summary>Encrypts outgoing messages with <c>sk</c>.</summary>
    public NoiseEncryptor Sender { get; }

    /// <summary>Decrypts incoming messages with <c>rk</c>.</summary>
    public NoiseDecryptor Receiver { get; }

    /// <summary>Wipes both keys and frees the ciphers; call once both loops have stopped.</summary>
    public void Dispose()
    {
        Sender.Dispose();
        Receiver.Dispose();
    }
}
