using Peerd.Crypto;
using Peerd.Lightning.Protocol.Noise;
using Peerd.Primitives;
using Peerd.TestKit;

namespace Peerd.Lightning.Protocol.Tests.Noise;

public class InitiatorHandshakeTests
{
    public static TheoryData<string> Vectors => Bolt8Vectors.InitiatorNames;

    [Theory]
    [MemberData(nameof(Vectors))]
    public void InitiatorMatchesBolt8Vector(string name)
    {
        var vector = Bolt8Vectors.Initiator.Named(name);
        var handshake = NewHandshake(vector);

        var actOne = new byte[Bolt8Constants.ActOneLength];
        handshake.WriteActOne(actOne);
        Assert.Equal(vector.Text("act1_output"), Hex.Encode(actOne));

        var error = handshake.ReadActTwo(vector.Bytes("act2_input"));
        Assert.Equal(Bolt8Vectors.ExpectedError(vector), error);
        if (error != HandshakeError.None)
        {
            Assert.Throws<InvalidOperationException>(() => handshake.WriteActThree(new byte[Bolt8Constants.ActThreeLength]));
            return;
        }

        var actThree = new byte[Bolt8Constants.ActThreeLength];
        using var transport = handshake.WriteActThree(actThree);
        Assert.Equal(vector.Text("act3_output"), Hex.Encode(actThree));
        Assert.Equal(vector.Text("sk"), Hex.Encode(transport.Sender.Cipher.Key));
        Assert.Equal(vector.Text("rk"), Hex.Encode(transport.Receiver.Cipher.Key));
    }

    [Fact]
    public void InitiatorStateFollowsTheSpecTrace()
    {
        var vector = Bolt8Vectors.Initiator.Named("transport-initiator successful handshake");
        var handshake = NewHandshake(vector);

        handshake.WriteActOne(new byte[Bolt8Constants.ActOneLength]);
        Assert.Equal(Bolt8Vectors.Trace(vector, "Act One", "ck,temp_k1=")[0], Hex.Encode(handshake.ChainingKey));
        Assert.Equal(Bolt8Vectors.Trace(vector, "Act One", "h=")[0], Hex.Encode(handshake.HandshakeHash));

        Assert.Equal(HandshakeError.None, handshake.ReadActTwo(vector.Bytes("act2_input")));
        Assert.Equal(Bolt8Vectors.Trace(vector, "Act Two", "ck,temp_k2=")[0], Hex.Encode(handshake.ChainingKey));
        Assert.Equal(Bolt8Vectors.Trace(vector, "Act Two", "h=")[0], Hex.Encode(handshake.HandshakeHash));

        // Both directions start rotating from the final ck (the "transport-message test" ck).
        using var transport = handshake.WriteActThree(new byte[Bolt8Constants.ActThreeLength]);
        var finalCk = Bolt8Vectors.Trace(vector, "Act Three", "ck,temp_k3=")[0];
        Assert.Equal(finalCk, Hex.Encode(transport.Sender.Cipher.ChainingKey));
        Assert.Equal(finalCk, Hex.Encode(transport.Receiver.Cipher.ChainingKey));
        Assert.Equal(Bolt8Vectors.Messages.Text("ck"), finalCk);
    }

    [Fact]
    public void ReadActTwoBeforeActOneThrows()
    {
        var handshake = NewHandshake(Bolt8Vectors.Initiator.Named("transport-initiator successful handshake"));
        Assert.Throws<InvalidOperationException>(() => handshake.ReadActTwo(new byte[Bolt8Constants.ActTwoLength]));
    }

    [Fact]
    public void WriteActOneTwiceThrows()
    {
        var handshake = NewHandshake(Bolt8Vectors.Initiator.Named("transport-initiator successful handshake"));
        handshake.WriteActOne(new byte[Bolt8Constants.ActOneLength]);
        Assert.Throws<InvalidOperationException>(() => handshake.WriteActOne(new byte[Bolt8Constants.ActOneLength]));
    }

    [Fact]
    public void WriteActThreeBeforeActTwoThrows()
    {
        var handshake = NewHandshake(Bolt8Vectors.Initiator.Named("transport-initiator successful handshake"));
        handshake.WriteActOne(new byte[Bolt8Constants.ActOneLength]);
        Assert.Throws<InvalidOperationException>(() => handshake.WriteActThree(new byte[Bolt8Constants.ActThreeLength]));
    }

    [Fact]
    public void EveryStepAfterCompletionThrows()
    {
        var vector = Bolt8Vectors.Initiator.Named("transport-initiator successful handshake");
        var handshake = NewHandshake(vector);
        handshake.WriteActOne(new byte[Bolt8Constants.ActOneLength]);
        handshake.ReadActTwo(vector.Bytes("act2_input"));
        handshake.WriteActThree(new byte[Bolt8Constants.ActThreeLength]).Dispose();

        Assert.Throws<InvalidOperationException>(() => handshake.WriteActOne(new byte[Bolt8Constants.ActOneLength]));
        Assert.Throws<InvalidOperationException>(() => handshake.ReadActTwo(vector.Bytes("act2_input")));
        Assert.Throws<InvalidOperationException>(() => handshake.WriteActThree(new byte[Bolt8Constants.ActThreeLength]));
    }

    [Fact]
    public void WriteActOneRejectsAShortBuffer()
    {
        var handshake = NewHandshake(Bolt8Vectors.Initiator.Named("transport-initiator successful handshake"));
        Assert.ThrowsAny<ArgumentException>(() => handshake.WriteActOne(new byte[Bolt8Constants.ActOneLength - 1]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("048d7500dd4c12685d1f568b4c2b5048e8534b873319f3a8daa612b469132ec7f7")]
    [InlineData("028d7500dd4c12685d1f568b4c2b5048e8534b873319f3a8daa612b469132ec7")]
    public void ConstructorRejectsAnInvalidRemoteStaticKey(string remoteStatic)
    {
        var vector = Bolt8Vectors.Initiator.Named("transport-initiator successful handshake");
        Assert.Throws<ArgumentException>(() =>
            new InitiatorHandshake(new StaticKey(vector.Bytes("ls_priv")), Hex.Decode(remoteStatic), vector.Bytes("e_priv")));
    }

    [Fact]
    public void ConstructorRejectsAnInvalidEphemeralKey()
    {
        var vector = Bolt8Vectors.Initiator.Named("transport-initiator successful handshake");
        Assert.Throws<ArgumentException>(() =>
            new InitiatorHandshake(new StaticKey(vector.Bytes("ls_priv")), vector.Bytes("rs_pub"), new byte[32]));
    }

    [Fact]
    public void AKeyPairMadeBeforehandWritesTheVectorsActs()
    {
        var vector = Bolt8Vectors.Initiator.Named("transport-initiator successful handshake");
        var ephemeral = EphemeralKeyPair.FromPrivateKey(vector.Bytes("e_priv"));
        var handshake = new InitiatorHandshake(new StaticKey(vector.Bytes("ls_priv")), vector.Bytes("rs_pub"), ephemeral);
        Assert.True(ephemeral.IsTaken);

        var actOne = new byte[Bolt8Constants.ActOneLength];
        handshake.WriteActOne(actOne);
        Assert.Equal(vector.Text("act1_output"), Hex.Encode(actOne));
        Assert.Equal(HandshakeError.None, handshake.ReadActTwo(vector.Bytes("act2_input")));
        var actThree = new byte[Bolt8Constants.ActThreeLength];
        using var transport = handshake.WriteActThree(actThree);
        Assert.Equal(vector.Text("act3_output"), Hex.Encode(actThree));
    }

    [Fact]
    public void AKeyPairAlreadyUsedIsRefused()
    {
        var vector = Bolt8Vectors.Initiator.Named("transport-initiator successful handshake");
        var ephemeral = EphemeralKeyPair.FromPrivateKey(vector.Bytes("e_priv"));
        var localStatic = new StaticKey(vector.Bytes("ls_priv"));
        _ = new InitiatorHandshake(localStatic, vector.Bytes("rs_pub"), ephemeral);
        Assert.Throws<InvalidOperationException>(() => new InitiatorHandshake(localStatic, vector.Bytes("rs_pub"), ephemeral));
    }

    private static InitiatorHandshake NewHandshake(System.Text.Json.JsonElement vector) =>
        new(new StaticKey(vector.Bytes("ls_priv")), vector.Bytes("rs_pub"), vector.Bytes("e_priv"));
}
