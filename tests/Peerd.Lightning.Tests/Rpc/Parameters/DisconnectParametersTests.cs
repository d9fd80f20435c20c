using System.Text.Json;
using Peerd.Lightning.Rpc.Parameters;
using Peerd.ClnRpc;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.Lightning.Tests.Rpc.Parameters;

public class DisconnectParametersTests
{
    private static readonly string Known = TestKeys.PeerHex;
    private static readonly string Unknown = TestKeys.OursHex;

    [Theory]
    [InlineData("[\"KNOWN\"]", false)]
    [InlineData("[\"KNOWN\",true]", true)]
    [InlineData("{\"id\":\"KNOWN\",\"force\":false}", false)]
    [InlineData("{\"force\":true,\"id\":\"KNOWN\"}", true)]
    public void AcceptsAKnownPeerAndForce(string parameters, bool force)
    {
        Assert.True(DisconnectParameters.TryParse(Bind(parameters), IsKnown, out var request, out _));
        Assert.Equal(TestKeys.Peer, request.NodeId.Bytes.ToArray());
        Assert.Equal(force, request.Force);
    }

    [Theory]
    [InlineData("[\"02ab\"]", -32602, "id: invalid peer id: invalid token (see logs for details)")]
    [InlineData("[\"UNKNOWN\"]", -32602, "Unknown peer 'UNKNOWN'")]
    [InlineData("[]", -32602, "missing required parameter: id")]
    [InlineData("[\"KNOWN\",\"true\"]", -32602, "force: should be 'true' or 'false': invalid token (see logs for details)")]
    [InlineData("[\"KNOWN\",1]", -32602, "force: should be 'true' or 'false': invalid token (see logs for details)")]
    [InlineData("{\"force\":1,\"id\":\"UNKNOWN\"}", -32602, "force: should be 'true' or 'false': invalid token (see logs for details)")]
    [InlineData("{\"id\":\"UNKNOWN\",\"force\":1}", -32602, "Unknown peer 'UNKNOWN'")]
    [InlineData("[\"KNOWN\",false,1]", -32602, "too many parameters: got 3, expected 2")]
    public void RefusesLikeCoreLightningInRequestOrder(string parameters, int code, string message)
    {
        Assert.False(DisconnectParameters.TryParse(Bind(parameters), IsKnown, out _, out var error));
        Assert.Equal(new RpcError(code, message.Replace("UNKNOWN", Unknown, StringComparison.Ordinal)), error);
    }

    private static bool IsKnown(Peerd.Lightning.Node.NodeId id) => id.Bytes.SequenceEqual(TestKeys.Peer);

    private static RpcParameters Bind(string parameters) =>
        RpcParameterBinder.Bind(
            DisconnectParameters.Spec,
            JsonDocument.Parse(parameters.Replace("UNKNOWN", Unknown, StringComparison.Ordinal).Replace("KNOWN", Known, StringComparison.Ordinal)).RootElement);
}
