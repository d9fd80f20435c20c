using System.Text.Json;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.ClnRpc.Tests.Dispatch;

public class RpcParameterBinderTests
{
    private static readonly RpcParameter[] Spec =
    [
        RpcParameter.Required("id"),
        RpcParameter.Optional("host"),
        RpcParameter.Optional("port"),
    ];

    [Fact]
    public void BindsPositionalValuesAndTreatsNullAsNotGiven()
    {
        var bound = Bind("[\"a\",null,5]");

        Assert.Equal(["id", "port"], bound.Given.Select(a => a.Name));
        Assert.Equal(5, bound.Get("port")!.Value.GetInt32());
        Assert.False(bound.Has("host"));
        Assert.Null(bound.Completion);
    }

    [Fact]
    public void BindsNamedValuesInRequestOrderAndCountsNullAsGiven()
    {
        var bound = Bind("{\"port\":5,\"host\":null,\"id\":\"a\"}");

        Assert.Equal(["port", "host", "id"], bound.Given.Select(a => a.Name));
        Assert.Equal(JsonValueKind.Null, bound.Get("host")!.Value.ValueKind);
        Assert.Null(bound.Completion);
    }

    [Fact]
    public void StopsAtTooManyPositionalParametersCountingTheWholeArray()
    {
        var bound = Bind("[\"a\",null,null,4,5]");

        Assert.Equal(["id"], bound.Given.Select(a => a.Name));
        Assert.Equal("too many parameters: got 5, expected 3", bound.BindingError!.Message);
        Assert.Equal(-32602, bound.BindingError.Code);
    }

    [Fact]
    public void StopsAtAnUnknownNameKeepingWhatCameBefore()
    {
        var bound = Bind("{\"id\":\"a\",\"foo\":1,\"host\":\"h\"}");

        Assert.Equal(["id"], bound.Given.Select(a => a.Name));
        Assert.Equal(
            "unknown parameter: foo, this may be caused by a failure to autodetect key=value-style parameters. Please try using the -k flag and explicit key=value pairs of parameters.",
            bound.BindingError!.Message);
    }

    [Fact]
    public void StopsAtADuplicateName()
    {
        var bound = Bind("{\"host\":\"a\",\"id\":\"x\",\"host\":\"b\"}");

        Assert.Equal("duplicate json names: host", bound.BindingError!.Message);
        Assert.Equal(["host", "id"], bound.Given.Select(a => a.Name));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[null]")]
    [InlineData("{}")]
    [InlineData("{\"host\":\"h\"}")]
    public void ReportsTheFirstMissingRequiredParameter(string parameters)
    {
        Assert.Equal("missing required parameter: id", Bind(parameters).Completion!.Message);
    }

    [Fact]
    public void ReportsTheBindingErrorBeforeAMissingParameter()
    {
        Assert.StartsWith("unknown parameter: foo", Bind("{\"foo\":1}").Completion!.Message);
    }

    [Fact]
    public void ChecksGivenValuesInRequestOrderBeforeTheBindingError()
    {
        RpcParameter[] spec =
        [
            RpcParameter.Required("id", (name, v) => v.ValueKind == JsonValueKind.String ? null : RpcError.BadParameter(name, "should be a string")),
            RpcParameter.Optional("level", (name, v) => v.GetString() == "io" ? null : RpcError.BadParameter(name, "should be io")),
        ];

        Assert.Equal("id: should be a string: invalid token (see logs for details)", Bind(spec, "{\"id\":1,\"foo\":2}").CheckInOrder()!.Message);
        Assert.StartsWith("unknown parameter: foo", Bind(spec, "{\"foo\":2,\"id\":1}").CheckInOrder()!.Message);
        Assert.Equal("level: should be io: invalid token (see logs for details)", Bind(spec, "{\"level\":\"x\",\"id\":1}").CheckInOrder()!.Message);
        Assert.Equal("id: should be a string: invalid token (see logs for details)", Bind(spec, "[1,\"x\",3]").CheckInOrder()!.Message);
        Assert.Equal("too many parameters: got 3, expected 2", Bind(spec, "[\"a\",\"io\",3]").CheckInOrder()!.Message);
        Assert.Null(Bind(spec, "[\"a\",\"io\"]").CheckInOrder());
    }

    private static RpcParameters Bind(string json) => Bind(Spec, json);

    private static RpcParameters Bind(RpcParameter[] spec, string json) =>
        RpcParameterBinder.Bind(spec, JsonDocument.Parse(json).RootElement);
}
