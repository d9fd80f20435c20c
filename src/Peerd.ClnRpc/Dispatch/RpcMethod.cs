namespace Peerd.ClnRpc.Dispatch;

/// <summary>An <see cref="IRpcMethod"/> made of a name, a parameter list and a delegate.</summary>
public sealed class RpcMethod : IRpcMethod
{
    private readonly RpcHandler _handler;

    /// <summary>Creates the method.</summary>
    /// <param name="name">The method name.</param>
    /// <param name="parameters">The parameters in positional order (required ones first).</param>
    /// <param name="handler">What the method does.</param>
    /// <param name="parameterChecking">Who reports parameter errors (see <see cref="RpcParameterChecking"/>).</param>
    public RpcMethod(
        string name,
        IReadOnlyList<RpcParameter> parameters,
        RpcHandler handler,
        RpcParameterChecking parameterChecking = RpcParameterChecking.ByDispatcher)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(handler);
        Name = name;
        Parameters = parameters;
        ParameterChecking = parameterChecking;
        _handler = handler;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public IReadOnlyList<RpcParameter> Parameters { get; }

    /// <inheritdoc />
    public RpcParameterChecking ParameterChecking { get; }

    /// <inheritdoc />
    public bool HandlesCheckOnly { get; init; }

    /// <summary>
    /// Core Lightning's usage string, as <c>help</c> shows it: the name, then required parameters bare and optional
    /// ones in brackets, e.g. <c>connect id [host] [port]</c>.
    /// </summary>
    public static string Usage(IRpcMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.Parameters.Count == 0
            ? method.Name
            : method.Name + " " + string.Join(' ', method.Parameters.Select(p => p.ToString()));
    }

    /// <inheritdoc />
    public ValueTask<RpcResult> InvokeAsync(RpcCall call, CancellationToken cancellationToken) =>
        _handler(call, cancellationToken);
}
