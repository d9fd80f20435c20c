using Peerd.Lightning.Protocol.Noise;
using Peerd.Primitives;
using Peerd.TestKit;

namespace Peerd.Lightning.Protocol.Tests.Noise;

public class HandshakeAeadTests
{
    private static readonly System.Text.Json.JsonElement Vector = Bolt8Vectors.Initiator.Named("transport-initiator successful handshake");

    [Fact]
    public void SealMatchesActOneEncryptWithAD()
    {
        // "encryptWithAD(temp_k1, 0x000000000000000000000000, h, <empty>)" → "c=0df6086551151f58b8afe6c195782c6a"
        var (key, n, ad, plaintext) = Call("Act One", "encryptWithAD(");
        var tag = new byte[Bolt8Constants.MacLength];
        HandshakeAead.Seal(key, n, ad, plaintext, [], tag);
        Assert.Equal(Bolt8Vectors.Trace(Vector, "Act One", "c=")[0], Hex.Encode(tag));
    }

    [Fact]
    public void SealMatchesActThreeEncryptWithADOfTheStaticKeyAndTheFinalTag()
    {
        // "encryptWithAD(temp_k2, 0x000000000100000000000000, h, s.pub)" → "c=0xb9e3a7…", Act Three's first call.
        var (key, n, ad, plaintext) = Call("Act Three", "encryptWithAD(", first: true);
        var c = new byte[plaintext.Length + Bolt8Constants.MacLength];
        HandshakeAead.Seal(key, n, ad, plaintext, c.AsSpan(0, plaintext.Length), c.AsSpan(plaintext.Length));
        Assert.Equal(Bolt8Vectors.Trace(Vector, "Act Three", "c=")[0], Hex.Encode(c));

        // "encryptWithAD(temp_k3, 0x000000000000000000000000, h, <empty>)" → "t=0x8dc68b…", the last call.
        (key, n, ad, plaintext) = Call("Act Three", "encryptWithAD(");
        var t = new byte[Bolt8Constants.MacLength];
        HandshakeAead.Seal(key, n, ad, plaintext, [], t);
        Assert.Equal(Bolt8Vectors.Trace(Vector, "Act Three", "t=")[0], Hex.Encode(t));
    }

    [Fact]
    public void OpenAcceptsActTwoAndRejectsAnyOtherKeyNonceOrAd()
    {
        // "decryptWithAD(temp_k2, 0x000000000000000000000000, h, 0x6e2470b93aac583c9ef6eafca3f730ae)"
        var (key, n, ad, tag) = Call("Act Two", "decryptWithAD(");
        Assert.True(HandshakeAead.TryOpen(key, n, ad, [], tag, []));

        var otherKey = key.ToArray();
        otherKey[0] ^= 1;
        var otherAd = ad.ToArray();
        otherAd[31] ^= 1;
        Assert.False(HandshakeAead.TryOpen(otherKey, n, ad, [], tag, []));
        Assert.False(HandshakeAead.TryOpen(key, n + 1, ad, [], tag, []));
        Assert.False(HandshakeAead.TryOpen(key, n, otherAd, [], tag, []));

        // Each call keys the thread's cipher itself: a failure leaves nothing behind for the next call.
        Assert.True(HandshakeAead.TryOpen(key, n, ad, [], tag, []));
    }

    [Fact]
    public void ThreadsEachGetTheirOwnCipher()
    {
        var (key, n, ad, plaintext) = Call("Act Three", "encryptWithAD(", first: true);
        var expected = Bolt8Vectors.Trace(Vector, "Act Three", "c=")[0];
        var (openKey, openN, openAd, openTag) = Call("Act Two", "decryptWithAD(");
        var failures = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            var c = new byte[plaintext.Length + Bolt8Constants.MacLength];
            for (var i = 0; i < 200; i++)
            {
                HandshakeAead.Seal(key, n, ad, plaintext, c.AsSpan(0, plaintext.Length), c.AsSpan(plaintext.Length));
                if (Hex.Encode(c) != expected || !HandshakeAead.TryOpen(openKey, openN, openAd, [], openTag, []))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        Assert.Equal(0, failures);
    }

    /// <summary>
    /// The arguments of a trace line <c>encryptWithAD(k, nonce, ad, plaintext-or-ciphertext)</c>: the act's last such
    /// line, or its first.
    /// </summary>
    private static (byte[] Key, ulong N, byte[] Ad, byte[] Data) Call(string act, string call, bool first = false)
    {
        var args = first ? FirstTrace(act, call) : Bolt8Vectors.Trace(Vector, act, call);
        var nonce = Hex.Decode(args[1]);
        var data = args[3].TrimEnd(')');
        return (
            Hex.Decode(args[0]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(nonce.AsSpan(4)),
            Hex.Decode(args[2]),
            data == "<empty>" ? [] : Hex.Decode(data));
    }

    private static string[] FirstTrace(string act, string assignment)
    {
        var line = Vector.GetProperty("trace").EnumerateArray()
            .Select(l => l.GetString()!)
            .SkipWhile(l => l != act)
            .First(l => l.StartsWith(assignment, StringComparison.Ordinal));
        return line[assignment.Length..].Split(',').Select(v => v.Trim().Replace("0x", "", StringComparison.Ordinal)).ToArray();
    }
}
