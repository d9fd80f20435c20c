using System.Security.Cryptography;

namespace Peerd.Xrpl.Protocol.Handshake;

/// <summary>Why the session's shared value could not be made (rippled <c>makeSharedValue</c>'s log lines).</summary>
public enum SharedValueError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>Our Finished message is shorter than 12 bytes ("Cookie generation: local setup not complete").</summary>
    LocalFinishedTooShort,

    /// <summary>The peer's Finished message is shorter than 12 bytes ("Cookie generation: peer setup not complete").</summary>
    PeerFinishedTooShort,

    /// <summary>Both Finished messages hash alike ("Cookie generation: identical finished messages").</summary>
    IdenticalFinished,
}

/// <summary>
/// The value both ends of a TLS session sign to prove the session is theirs end-to-end (rippled
/// <c>makeSharedValue</c>): <c>c = SHA512(f1) XOR SHA512(f2)</c>, refused when zero, then
/// <c>shared = first 32 bytes of SHA512(c)</c>. XOR makes it the same on both ends.
/// </summary>
public static class SharedValue
{
    /// <summary>Length of the shared value: SHA512Half.</summary>
    public const int Length = 32;

    /// <summary>"static constexpr std::size_t sslMinimumFinishedLength = 12" — the TLS 1.2 verify_data size.</summary>
    public const int MinimumFinishedLength = 12;

    /// <summary>Computes the shared value from our and the peer's TLS Finished messages.</summary>
    public static SharedValueError TryCompute(ReadOnlySpan<byte> localFinished, ReadOnlySpan<byte> peerFinished, Span<byte> sharedValue)
    {
        if (sharedValue.Length < Length)
        {
            throw new ArgumentException("the shared value is 32 bytes", nameof(sharedValue));
        }

        if (localFinished.Length < MinimumFinishedLength)
        {
            return SharedValueError.LocalFinishedTooShort;
        }

        if (peerFinished.Length < MinimumFinishedLength)
        {
            return SharedValueError.PeerFinishedTooShort;
        }

        Span<byte> cookie1 = stackalloc byte[SHA512.HashSizeInBytes];
        Span<byte> cookie2 = stackalloc byte[SHA512.HashSizeInBytes];
        SHA512.HashData(localFinished, cookie1);
        SHA512.HashData(peerFinished, cookie2);
        var zero = true;
        for (var i = 0; i < cookie1.Length; i++)
        {
            cookie1[i] ^= cookie2[i];
            zero &= cookie1[i] == 0;
        }

        if (zero)
        {
            return SharedValueError.IdenticalFinished;
        }

        SHA512.HashData(cookie1, cookie2);
        cookie2[..Length].CopyTo(sharedValue);
        return SharedValueError.None;
    }
}
