using System.Text.Json;

namespace Peerd.ClnRpc.Dispatch;

/// <summary>A parameter value as given in a request.</summary>
/// <param name="Parameter">Which parameter it binds to.</param>
/// <param name="Index">The parameter's position in the method's list.</param>
/// <param name="Value">The value; it belongs to the request's document and is valid until the call is disposed.</param>
public readonly record struct RpcArgument(RpcParameter Parameter, int Index, JsonElement Value)
{
    /// <summary>The parameter's name.</summary>
    public string Name => Parameter.Name;
}
