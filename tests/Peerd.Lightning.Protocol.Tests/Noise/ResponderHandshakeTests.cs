using Peerd.Crypto;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Primitives;
using Peerd.TestKit;

namespace Peerd.Lightning.Protocol.Tests.Noise;

public class ResponderHandshakeTests
{
    public static TheoryData<string> Vectors => Bolt8Vectors.ResponderNames;

    [Theory]
    [MemberData(nameof(Vectors))]
    public void ResponderMatchesBolt8Vector(string name)
    {
        var vector = Bolt8Vectors.Responder.Named(name);
        var expected = Bolt8Vectors.ExpectedError(vector);
        var handshake = NewHandshake(vector);

        var error = handshake.ReadActOne(vector.Bytes("act1_input"));
        var actTwoExpected = vector.OptionalBytes("act2_output");
        if (actTwoExpected is null)
        {
            // The vector stops in Act One.
            Assert.Equal(expected, error);
            Assert.NotEqual(HandshakeError.None, error);
            Assert.Throws<InvalidOperationException>(() => handshake.WriteActTwo(new byte[Bolt8Constants.ActTwoLength]));
            return;
        }

        Assert.Equal(HandshakeError.None, error);
        var actTwo = new byte[Bolt8Constants.ActTwoLength];
        handshake.WriteActTwo(actTwo);
        Assert.Equal(Hex.Encode(actTwoExpected), Hex.Encode(actTwo));

        error = handshake.ReadActThree(vector.Bytes("act3_input"), out var transport);
        Assert.Equal(expected, error);
        if (error != HandshakeError.None)
        {
            Assert.Null(transport);
            Assert.Throws<InvalidOperationException>(() => handshake.RemoteStaticPublicKey);
            return;
        }

        using (transport)
        {
            Assert.NotNull(transport);
            Assert.Equal(vector.Text("sk"), Hex.Encode(transport.Sender.Cipher.Key));
            Assert.Equal(vector.Text("rk"), Hex.Encode(transport.Receiver.Cipher.Key));
            Assert.Equal(Bolt8Vectors.Trace(vector, "Act Three", "rs=")[0], Hex.Encode(handshake.RemoteStaticPublicKey));
        }
    }

    [Fact]
    public void ResponderStateFollowsTheSpecTrace()
    {
        var vector = Bolt8Vectors.Responder.Named("transport-responder successful handshake");
        var handshake = NewHandshake(vector);

        Assert.Equal(HandshakeError.None, handshake.ReadActOne(vector.Bytes("act1_input")));
        Assert.Equal(Bolt8Vectors.Trace(vector, "Act One", "ck,temp_k1=")[0], Hex.Encode(handshake.ChainingKey));
        Assert.Equal(Bolt8Vectors.Trace(vector, "Act One", "h=")[0], Hex.Encode(handshake.HandshakeHash));

        handshake.WriteActTwo(new byte[Bolt8Constants.ActTwoLength]);
        Assert.Equal(Bolt8Vectors.Trace(vector, "Act Two", "ck,temp_k2=")[0], Hex.Encode(handshake.ChainingKey));
        Assert.Equal(Bolt8Vectors.Trace(vector, "Act Two", "h=")[0], Hex.Encode(handshake.HandshakeHash));

        Assert.Equal(HandshakeError.None, handshake.ReadActThree(vector.Bytes("act3_input"), out var transport));
        using (transport)
        {
            Assert.Equal(Bolt8Vectors.Trace(vector, "Act Three", "ck,temp_k3=")[0], Hex.Encode(transport!.Receiver.Cipher.ChainingKey));
        }
    }

    [Fact]
    public void RemoteStaticPublicKeyIsUnknownBeforeActThree()
    {
        var vector = Bolt8Vectors.Responder.Named("transport-responder successful handshake");
        var handshake = NewHandshake(vector);
        Assert.Throws<InvalidOperationException>(() => handshake.RemoteStaticPublicKey);
        handshake.ReadActOne(vector.Bytes("act1_input"));
        handshake.WriteActTwo(new byte[Bolt8Constants.ActTwoLength]);
        Assert.Throws<InvalidOperationException>(() => handshake.RemoteStaticPublicKey);
    }

    [Fact]
    public void WriteActTwoBeforeActOneThrows()
    {
        var handshake = NewHandshake(Bolt8Vectors.Responder.Named("transport-responder successful handshake"));
        Assert.Throws<InvalidOperationException>(() => handshake.WriteActTwo(new byte[Bolt8Constants.ActTwoLength]));
    }

    [Fact]
    public void ReadActThreeBeforeActTwoThrows()
    {
        var vector = Bolt8Vectors.Responder.Named("transport-responder successful handshake");
        var handshake = NewHandshake(vector);
        handshake.ReadActOne(vector.Bytes("act1_input"));
        Assert.Throws<InvalidOperationException>(() => handshake.ReadActThree(vector.Bytes("act3_input"), out _));
    }

    [Fact]
    public void ReadActOneAfterARejectedActOneThrows()
    {
        var vector = Bolt8Vectors.Responder.Named("transport-responder act1 bad MAC test");
        var handshake = NewHandshake(vector);
        Assert.Equal(HandshakeError.ActOneBadTag, handshake.ReadActOne(vector.Bytes("act1_input")));
        Assert.Throws<InvalidOperationException>(() => handshake.ReadActOne(vector.Bytes("act1_input")));
    }

    [Fact]
    public void ReadActOneRejectsAnOverlongAct()
    {
        var vector = Bolt8Vectors.Responder.Named("transport-responder successful handshake");
        var handshake = NewHandshake(vector);
        Assert.Equal(HandshakeError.ActOneReadFailed, handshake.ReadActOne([.. vector.Bytes("act1_input"), 0]));
    }

    [Fact]
    public void ConstructorRejectsAnInvalidEphemeralKey()
    {
        var vector = Bolt8Vectors.Responder.Named("transport-responder successful handshake");
        Assert.Throws<ArgumentException>(() => new ResponderHandshake(new StaticKey(vector.Bytes("ls_priv")), new byte[31]));
    }

    [Fact]
    public void AKeyPairMadeBeforehandWritesTheVectorsActTwo()
    {
        var vector = Bolt8Vectors.Responder.Named("transport-responder successful handshake");
        var ephemeral = EphemeralKeyPair.FromPrivateKey(vector.Bytes("e_priv"));
        var handshake = new ResponderHandshake(new StaticKey(vector.Bytes("ls_priv")), ephemeral);
        Assert.True(ephemeral.IsTaken);

        Assert.Equal(HandshakeError.None, handshake.ReadActOne(vector.Bytes("act1_input")));
        var actTwo = new byte[Bolt8Constants.ActTwoLength];
        handshake.WriteActTwo(actTwo);
        Assert.Equal(vector.Text("act2_output"), Hex.Encode(actTwo));
        Assert.Equal(HandshakeError.None, handshake.ReadActThree(vector.Bytes("act3_input"), out var transport));
        transport!.Dispose();
    }

    [Fact]
    public void AKeyPairAlreadyUsedIsRefused()
    {
        var vector = Bolt8Vectors.Responder.Named("transport-responder successful handshake");
        var ephemeral = EphemeralKeyPair.FromPrivateKey(vector.Bytes("e_priv"));
        var localStatic = new StaticKey(vector.Bytes("ls_priv"));
        _ = new ResponderHandshake(localStatic, ephemeral);
        Assert.Throws<InvalidOperationException>(() => new ResponderHandshake(localStatic, ephemeral));
    }

    private static ResponderHandshake NewHandshake(System.Text.Json.JsonElement vector) =>
        new(new StaticKey(vector.Bytes("ls_priv")), vector.Bytes("e_priv"));
}
