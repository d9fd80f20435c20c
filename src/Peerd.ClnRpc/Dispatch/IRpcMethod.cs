namespace Peerd.ClnRpc.Dispatch;

/// <summary>The handler of a method: gets the call, returns a result or an error.</summary>
/// <param name="call">The call; its parameter values are valid until the returned task completes.</param>
/// <param name="cancellationToken">Cancelled when the server stops (not when the client goes away).</param>
public delegate ValueTask<RpcResult> RpcHandler(RpcCall call, CancellationToken cancellationToken);

/// <summary>One JSON-RPC method: its name, its parameters and what it does.</summary>
public interface IRpcMethod
{
    /// <summary>The method name, compared byte for byte with the request's raw <c>method</c>.</summary>
    string Name { get; }

    /// <summary>The parameters, in positional order; required ones first.</summary>
    IReadOnlyList<RpcParameter> Parameters { get; }

    /// <summary>Whether the dispatcher or the method turns the bound parameters into errors.</summary>
    RpcParameterChecking ParameterChecking { get; }

    /// <summary>
    /// True when the method itself honours <see cref="RpcCall.IsCheckOnly"/> (it checks further, then answers
    /// <see cref="RpcCall.CheckDone"/> without acting). Otherwise <c>check</c> stops after the parameter checks and
    /// never runs the method.
    /// </summary>
    bool HandlesCheckOnly => false;

    /// <summary>Runs the method. Exceptions are turned into a -1 error; they never reach the connection.</summary>
    ValueTask<RpcResult> InvokeAsync(RpcCall call, CancellationToken cancellationToken);
}
