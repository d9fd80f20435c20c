using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Peerd.Lightning.Rpc.Parameters;
using Peerd.ClnRpc;
using Peerd.ClnRpc.Dispatch;
using Peerd.TestKit.Fuzzing;
using Xunit.Abstractions;

namespace Peerd.Lightning.Tests.Rpc.Parameters;

/// <summary>
/// Mutated <c>connect</c>, <c>disconnect</c> and <c>listpeers</c> requests through the dispatcher and the methods'
/// own parameter parsers (the part of each method that reads the request; no socket is opened): every request is
/// answered with a JSON-RPC error or a valid target, never an exception.
/// </summary>
public class ParametersMutationTests(ITestOutputHelper output)
{
    private static readonly RpcDispatcher Dispatcher = NewDispatcher();
    private static readonly string Id = TestKeys.PeerHex;

    private static readonly byte[][] Corpus =
    [
        Request("connect", $"[\"{Id}@127.0.0.1:29736\"]"),
        Request("connect", $"{{\"id\":\"{Id}\",\"host\":\"[::1]\",\"port\":\"29736\"}}"),
        Request("connect", $"[\"{Id}@node.example.com:9736\"]"),
        Request("connect", $"[\"{Id}\",\"vww6ybal4bd7szmgncyruucpgfkqahzddi37ktceo3ah7ngmcopnpyyd.onion\",9735]"),
        Request("connect", $"[\"{Id}@/tmp/peer.sock\"]"),
        Request("disconnect", $"{{\"id\":\"{Id}\",\"force\":true}}"),
        Request("listpeers", $"[\"{Id}\",\"debug\"]"),
        Request("listpeers", "{\"level\":\"io\"}"),
    ];

    [Fact]
    public void MutatedLightningMethodRequestsGetAnErrorOrAValidRequest()
    {
        Fuzzer.Run(
            // Base: System.Text.Json reports malformed JSON by throwing, and one JsonException costs ~50 KB of garbage.
            new FuzzTarget("CLN connect/disconnect/listpeers parameters", Corpus, Process) { Inputs = 15_000, AllocationBase = 96 * 1024, AllocationPerByte = 64 },
            output);
    }

    private static FuzzVerdict Process(byte[] input)
    {
        var prepared = Dispatcher.Prepare(new ReadOnlySequence<byte>(input));
        if (prepared.Call is not { } call)
        {
            Assert.NotNull(prepared.ImmediateResponse);
            return FuzzVerdict.Rejected;
        }

        using (call)
        {
            switch (call.Method.Name)
            {
                case "connect":
                    return ConnectParameters.TryParse(call.Parameters, 9735, TestKeys.Ours, out _, out var connectError)
                        ? FuzzVerdict.Decoded
                        : Rejected(connectError);
                case "disconnect":
                    if (call.Parameters.CheckInOrder() is { } disconnectBinding)
                    {
                        return Rejected(disconnectBinding);
                    }

                    return DisconnectParameters.TryParse(call.Parameters, _ => true, out _, out var disconnectError)
                        ? FuzzVerdict.Decoded
                        : Rejected(disconnectError);
                default:
                    if (call.Parameters.CheckInOrder() is { } listError)
                    {
                        return Rejected(listError);
                    }

                    _ = ListPeersParameters.Read(call.Parameters);
                    return FuzzVerdict.Decoded;
            }
        }
    }

    private static FuzzVerdict Rejected(RpcError? error)
    {
        Assert.NotNull(error);
        Assert.False(string.IsNullOrEmpty(error.Message));
        return FuzzVerdict.Rejected;
    }

    private static byte[] Request(string method, string parameters) =>
        Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":\"cli:{method}#1\",\"method\":\"{method}\",\"params\":{parameters}}}");

    private static RpcDispatcher NewDispatcher()
    {
        var dispatcher = new RpcDispatcher();
        ValueTask<RpcResult> Unused(RpcCall call, CancellationToken token) => ValueTask.FromResult<RpcResult>(new JsonObject());
        dispatcher.Register("connect", ConnectParameters.Spec, Unused, RpcParameterChecking.ByMethod);
        dispatcher.Register("disconnect", DisconnectParameters.Spec, Unused);
        dispatcher.Register("listpeers", ListPeersParameters.Spec, Unused);
        return dispatcher;
    }
}
