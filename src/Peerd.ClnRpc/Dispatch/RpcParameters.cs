using System.Text.Json;
using Peerd.ClnRpc.Protocol;

namespace Peerd.ClnRpc.Dispatch;

/// <summary>
/// The parameters of one call after binding (<see cref="RpcParameterBinder"/>): the values given, in the order they
/// appear in the request, and the binding error that stopped binding, if any.
/// </summary>
/// <remarks>
/// Core Lightning runs each parameter's conversion as it meets it, so which error a bad request gets depends on the
/// order of its members: <c>{"id":"bad","foo":1}</c> reports the id, <c>{"foo":1,"id":"bad"}</c> the unknown
/// parameter. Keeping the given values in order plus the point where binding stopped reproduces that exactly.
/// </remarks>
public sealed class RpcParameters
{
    private readonly IReadOnlyList<RpcParameter> _spec;

    internal RpcParameters(IReadOnlyList<RpcParameter> spec, IReadOnlyList<RpcArgument> given, RpcError? bindingError)
    {
        _spec = spec;
        Given = given;
        BindingError = bindingError;
    }

    /// <summary>The values given (positional JSON nulls excluded), in request order, up to any binding error.</summary>
    public IReadOnlyList<RpcArgument> Given { get; }

    /// <summary>
    /// The error that stopped binding after <see cref="Given"/>: too many positional parameters, an unknown name, or
    /// a duplicate name. Null when every member bound.
    /// </summary>
    public RpcError? BindingError { get; }

    /// <summary>The first required parameter not given (Core Lightning's <c>post_check</c>), or null.</summary>
    public RpcError? MissingError
    {
        get
        {
            foreach (var parameter in _spec)
            {
                if (parameter.IsRequired && !Has(parameter.Name))
                {
                    return JsonRpcErrors.MissingParameter(parameter.Name);
                }
            }

            return null;
        }
    }

    /// <summary>What remains to report once every given value has been checked: binding error, then missing.</summary>
    public RpcError? Completion => BindingError ?? MissingError;

    /// <summary>True when the parameter was given (a non-null positional value, or any named value).</summary>
    public bool Has(string name) => TryGet(name, out _);

    /// <summary>The value given for <paramref name="name"/>.</summary>
    public bool TryGet(string name, out JsonElement value)
    {
        foreach (var argument in Given)
        {
            if (argument.Name == name)
            {
                value = argument.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The value given for <paramref name="name"/>, or null.</summary>
    public JsonElement? Get(string name) => TryGet(name, out var value) ? value : null;

    /// <summary>
    /// Runs each given value's <see cref="RpcParameter.Check"/> in request order, then <see cref="Completion"/>:
    /// the first error wins, as in Core Lightning.
    /// </summary>
    public RpcError? CheckInOrder()
    {
        foreach (var argument in Given)
        {
            if (argument.Parameter.Check?.Invoke(argument.Name, argument.Value) is { } error)
            {
                return error;
            }
        }

        return Completion;
    }
}
