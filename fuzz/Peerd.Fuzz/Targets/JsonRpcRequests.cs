using System.Text.Json.Nodes;
using Peerd.Lightning.Rpc.Parameters;
using Peerd.ClnRpc;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Framing;

namespace Peerd.Fuzz.Targets;

/// <summary>
/// A request stream on the <c>lightning-rpc</c> socket: the splitter cuts values (or says malformed / too large /
/// more data), the dispatcher prepares each (an immediate error response, or a call), and the <c>connect</c>,
/// <c>disconnect</c> and <c>listpeers</c> parameter parsers read the call's parameters into a request or an error.
/// </summary>
internal static class JsonRpcRequests
{
    /// <summary>A small value bound, so inputs reach the too-large path as well.</summary>
    private const int MaxValueBytes = 4096;

    private static readonly RpcDispatcher Dispatcher = NewDispatcher();

    public static FuzzTarget Target { get; } = new("jsonrpc", "bytes a client writes to the JSON-RPC socket", Seeds, Run);

    private static IEnumerable<byte[]> Seeds() =>
    [
        """{"jsonrpc":"2.0","id":1,"method":"getinfo","params":[]}"""u8.ToArray(),
        """{"jsonrpc":"2.0","id":"cli:connect#42/cln:1","method":"connect","params":{"id":"022d223620a359a47ff7f7ac447c85c46c923da53389221a0054c11c1e3ca31d59","host":"[::1]","port":"9735"}}"""u8.ToArray(),
        """{"jsonrpc":"2.0","id":2,"method":"connect","params":["022d223620a359a47ff7f7ac447c85c46c923da53389221a0054c11c1e3ca31d59@127.0.0.1:9735"]} {"jsonrpc":"2.0","id":3,"method":"nosuch","params":{}}"""u8.ToArray(),
        """{"jsonrpc":"2.0","id":null,"method":"disconnect","params":{"id":"022d223620a359a47ff7f7ac447c85c46c923da53389221a0054c11c1e3ca31d59","force":true}}"""u8.ToArray(),
        """{"jsonrpc":"2.0","id":4,"method":"listpeers","params":["022d223620a359a47ff7f7ac447c85c46c923da53389221a0054c11c1e3ca31d59","debug"]}"""u8.ToArray(),
        """["not", "an", "object"] 17 "text" {"id":1,"params":{"value":"\u00e9\ud83d\ude00","extra":1.5e300}}"""u8.ToArray(),
    ];

    private static void Run(byte[] input)
    {
        var reader = new JsonRpcStreamReader(MaxValueBytes);
        var sequence = Segments.Split(input, input.Length / 2);
        while (reader.TryRead(sequence, out var value, out var consumed, out _) == JsonRpcReadStatus.Complete)
        {
            var prepared = Dispatcher.Prepare(value);
            if (prepared.Call is { } call)
            {
                using (call)
                {
                    ReadParameters(call);
                }
            }
            else
            {
                FuzzInvariantException.Check(prepared.ImmediateResponse is not null, "a request neither prepared nor answered");
            }

            sequence = sequence.Slice(consumed);
        }
    }

    private static void ReadParameters(RpcCall call)
    {
        switch (call.Method.Name)
        {
            case "connect":
                if (!ConnectParameters.TryParse(call.Parameters, 9735, FixedKeys.ResponderStatic.PublicKey, out _, out var connectError))
                {
                    Refused(connectError);
                }

                break;
            case "disconnect":
                if (call.Parameters.CheckInOrder() is { } binding)
                {
                    Refused(binding);
                }
                else if (!DisconnectParameters.TryParse(call.Parameters, _ => true, out _, out var disconnectError))
                {
                    Refused(disconnectError);
                }

                break;
            case "listpeers":
                if (call.Parameters.CheckInOrder() is null)
                {
                    _ = ListPeersParameters.Read(call.Parameters);
                }

                break;
        }
    }

    private static void Refused(RpcError? error) =>
        FuzzInvariantException.Check(!string.IsNullOrEmpty(error?.Message), "a refusal without an error message");

    private static RpcDispatcher NewDispatcher()
    {
        var dispatcher = new RpcDispatcher();
        ValueTask<RpcResult> Unused(RpcCall call, CancellationToken token) => ValueTask.FromResult<RpcResult>(new JsonObject());
        dispatcher.Register("getinfo", [], Unused);
        dispatcher.Register("connect", ConnectParameters.Spec, Unused, RpcParameterChecking.ByMethod);
        dispatcher.Register("disconnect", DisconnectParameters.Spec, Unused);
        dispatcher.Register("listpeers", ListPeersParameters.Spec, Unused);
        return dispatcher;
    }
}
