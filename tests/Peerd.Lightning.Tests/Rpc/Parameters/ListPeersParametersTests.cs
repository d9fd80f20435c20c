using System.Text.Json;
using Peerd.Lightning.Rpc.Parameters;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.Lightning.Tests.Rpc.Parameters;

public class ListPeersParametersTests
{
    [Theory]
    [InlineData("[]", false, null)]
    [InlineData("{}", false, null)]
    [InlineData("[\"ID\"]", true, null)]
    [InlineData("[null,\"DEBUG\"]", false, "debug")]
    [InlineData("{\"level\":\"warn\",\"id\":\"ID\"}", true, "unusual")]
    [InlineData("{\"level\":\"error\"}", false, "broken")]
    [InlineData("{\"level\":\"io\"}", false, "io")]
    public void ReadsTheOptionalIdAndLevel(string parameters, bool hasId, string? level)
    {
        var bound = Bind(parameters);

        Assert.Null(bound.CheckInOrder());
        var request = ListPeersParameters.Read(bound);
        Assert.Equal(hasId ? TestKeys.Peer : null, request.NodeId?.Bytes.ToArray());
        Assert.Equal(level, request.Level);
    }

    [Theory]
    [InlineData("[\"02ab\"]", "id: should be a node id: invalid token (see logs for details)")]
    [InlineData("[\"ID\",\"loud\"]", "level: should be 'io', 'debug', 'info', or 'unusual': invalid token (see logs for details)")]
    [InlineData("{\"level\":3,\"id\":\"bad\"}", "level: should be 'io', 'debug', 'info', or 'unusual': invalid token (see logs for details)")]
    [InlineData("{\"peer\":\"ID\"}", "unknown parameter: peer, this may be caused by a failure to autodetect key=value-style parameters. Please try using the -k flag and explicit key=value pairs of parameters.")]
    public void RefusesLikeCoreLightning(string parameters, string message)
    {
        Assert.Equal(message, Bind(parameters).CheckInOrder()!.Message);
    }

    private static RpcParameters Bind(string parameters) =>
        RpcParameterBinder.Bind(
            ListPeersParameters.Spec,
            JsonDocument.Parse(parameters.Replace("ID", TestKeys.PeerHex, StringComparison.Ordinal)).RootElement);
}
