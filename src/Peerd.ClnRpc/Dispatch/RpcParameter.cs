using System.Text.Json;

namespace Peerd.ClnRpc.Dispatch;

/// <summary>
/// Checks one given parameter value and returns the error to answer, or null. Runs in the order the parameters
/// appear in the request, interleaved with the binding errors, as Core Lightning's <c>param()</c> callbacks do.
/// </summary>
/// <param name="name">The parameter's name (for <see cref="RpcError.BadParameter"/>).</param>
/// <param name="value">The value as given (never a positional JSON null: those count as "not given").</param>
public delegate RpcError? RpcParameterCheck(string name, JsonElement value);

/// <summary>One parameter of a method: its name, whether it is required, and an optional value check.</summary>
public sealed class RpcParameter
{
    private RpcParameter(string name, bool isRequired, RpcParameterCheck? check, bool isNamedOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        IsRequired = isRequired;
        Check = check;
        IsNamedOnly = isNamedOnly;
    }

    /// <summary>The name used in named (object) params and in usage strings.</summary>
    public string Name { get; }

    /// <summary>True for a required parameter (Core Lightning's <c>p_req</c>).</summary>
    public bool IsRequired { get; }

    /// <summary>
    /// True for an extension parameter that only binds by name: positional requests keep Core Lightning's count
    /// (<c>too many parameters: got 4, expected 3</c> for <c>connect</c>), named ones may add it.
    /// </summary>
    public bool IsNamedOnly { get; }

    /// <summary>The value check run by the dispatcher, if any.</summary>
    public RpcParameterCheck? Check { get; }

    /// <summary>A required parameter (<c>p_req</c>). Required parameters come before optional ones.</summary>
    public static RpcParameter Required(string name, RpcParameterCheck? check = null) => new(name, true, check);

    /// <summary>An optional parameter (<c>p_opt</c>).</summary>
    public static RpcParameter Optional(string name, RpcParameterCheck? check = null) => new(name, false, check);

    /// <summary>An optional parameter accepted only by name (an extension beyond the reference's positional list).</summary>
    public static RpcParameter NamedOnly(string name, RpcParameterCheck? check = null) => new(name, false, check, isNamedOnly: true);

    /// <inheritdoc />
    public override string ToString() => IsRequired ? Name : $"[{Name}]";
}
