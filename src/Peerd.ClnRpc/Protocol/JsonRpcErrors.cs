namespace Peerd.ClnRpc.Protocol;

/// <summary>
/// The request-level errors of the Core Lightning dialect, with its exact texts (<c>lightningd/jsonrpc.c</c>
/// <c>parse_request</c>, <c>common/jsonrpc_io.c</c>, <c>common/json_param.c</c>).
/// </summary>
public static class JsonRpcErrors
{
    /// <summary>The top-level value is not an object.</summary>
    public static RpcError ExpectedObject { get; } = new(RpcErrorCodes.InvalidRequest, "Expected {} for json command");

    /// <summary>The object has no <c>id</c> member.</summary>
    public static RpcError NoId { get; } = new(RpcErrorCodes.InvalidRequest, "No id");

    /// <summary>The <c>id</c> is an object or an array.</summary>
    public static RpcError IdNotPrimitive { get; } =
        new(RpcErrorCodes.InvalidRequest, "Expected string/primitive for id");

    /// <summary>The <c>jsonrpc</c> member is not the string <c>"2.0"</c>.</summary>
    public static RpcError WrongVersion { get; } =
        new(RpcErrorCodes.InvalidRequest, "jsonrpc: \"2.0\" must be specified in the request");

    /// <summary>The object has no <c>method</c> member.</summary>
    public static RpcError NoMethod { get; } = new(RpcErrorCodes.InvalidRequest, "No method");

    /// <summary>The object has no <c>params</c> member.</summary>
    public static RpcError NoParams { get; } = new(RpcErrorCodes.InvalidRequest, "No params");

    /// <summary>The <c>method</c> is not a string.</summary>
    public static RpcError MethodNotString { get; } = new(RpcErrorCodes.InvalidRequest, "Expected string for method");

    /// <summary>The <c>params</c> member is neither an array nor an object.</summary>
    public static RpcError ParamsNotArrayOrObject { get; } =
        new(RpcErrorCodes.InvalidParams, "Expected array or object for params");

    /// <summary>No method of that name.</summary>
    public static RpcError UnknownCommand(string rawMethod) =>
        new(RpcErrorCodes.MethodNotFound, $"Unknown command '{rawMethod}'");

    /// <summary>
    /// The object has no <c>jsonrpc</c> member; <paramref name="rawRequest"/> is the request text. Core Lightning
    /// answers this and then half-closes the connection.
    /// </summary>
    public static RpcError NoJsonRpcMember(string rawRequest) =>
        new(RpcErrorCodes.InvalidRequest, $"JSON-RPC message does not contain \"jsonrpc\" field: '{rawRequest}'");

    /// <summary>The bytes are not JSON; <paramref name="rawBuffer"/> is what was buffered. Followed by a close.</summary>
    public static RpcError Unparseable(string rawBuffer) =>
        new(RpcErrorCodes.InvalidRequest, $"Failed to parse RPC JSON response '{rawBuffer}'");

    /// <summary>A request larger than the bound; followed by a close. (Core Lightning has no bound.)</summary>
    public static RpcError TooLarge(int maxBytes) =>
        new(RpcErrorCodes.InvalidRequest, $"Request exceeds {maxBytes} bytes");

    /// <summary>Positional parameters beyond the method's list.</summary>
    public static RpcError TooManyParameters(int got, int expected) =>
        RpcError.InvalidParams($"too many parameters: got {got}, expected {expected}");

    /// <summary>A named parameter the method does not have.</summary>
    public static RpcError UnknownParameter(string name) =>
        RpcError.InvalidParams(
            $"unknown parameter: {name}, this may be caused by a failure to autodetect key=value-style parameters. " +
            "Please try using the -k flag and explicit key=value pairs of parameters.");

    /// <summary>A named parameter given twice.</summary>
    public static RpcError DuplicateName(string name) => RpcError.InvalidParams($"duplicate json names: {name}");

    /// <summary>A required parameter not given (or given as JSON null in an array).</summary>
    public static RpcError MissingParameter(string name) =>
        RpcError.InvalidParams($"missing required parameter: {name}");
}
