using System.Text.Json;
using Peerd.Lightning.Node;
using Peerd.ClnRpc.Dispatch;
using Peerd.ClnRpc.Protocol;
using Peerd.ClnRpc;

namespace Peerd.Lightning.Rpc.Parameters;

/// <summary>
/// The parameters of <c>connect id [host] [port]</c>, checked as Core Lightning's <c>json_connect</c> does
/// (<c>lightningd/connect_control.c</c>): each given value in request order (<c>param_id_maybe_addr</c>,
/// <c>param_id_addr_string</c>, <c>param_id_addr_u16</c>), then the binding errors, then the host.
/// </summary>
/// <remarks>
/// Values are read raw, as Core Lightning does: a port may be the JSON string <c>"29736"</c>; a host given as a JSON
/// number or null becomes the text <c>123</c> or <c>null</c>. Register the method with
/// <see cref="RpcParameterChecking.ByMethod"/> and call <see cref="TryParse(RpcParameters, ushort, ReadOnlySpan{byte}, out ConnectTarget, out RpcError)"/>.
/// </remarks>
public static class ConnectParameters
{
    /// <summary>The parameter list: <c>id</c> (required), <c>host</c>, <c>port</c>.</summary>
    public static IReadOnlyList<RpcParameter> Spec { get; } =
        [RpcParameter.Required("id"), RpcParameter.Optional("host"), RpcParameter.Optional("port")];

    /// <summary>Checks the bound parameters of a call.</summary>
    /// <param name="parameters">The call's parameters, bound to <see cref="Spec"/>.</param>
    /// <param name="defaultPort">The network's default port (mainnet 9735, testnet 19735, signet 39735, regtest 19846).</param>
    /// <param name="ourNodeId">Our node id, refused as a target; empty to skip that check.</param>
    /// <param name="target">The validated target.</param>
    /// <param name="error">The error to answer.</param>
    public static bool TryParse(
        RpcParameters parameters,
        ushort defaultPort,
        ReadOnlySpan<byte> ourNodeId,
        out ConnectTarget target,
        out RpcError error)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TryParse(parameters.Given.Where(a => !a.Parameter.IsNamedOnly).Select(a => (a.Name, a.Value)), parameters.Completion, defaultPort, ourNodeId, out target, out error);
    }

    /// <summary>
    /// Checks values bound elsewhere, taken in positional order (id, host, port); null means "not given".
    /// </summary>
    public static bool TryParse(
        JsonElement? id,
        JsonElement? host,
        JsonElement? port,
        ushort defaultPort,
        ReadOnlySpan<byte> ourNodeId,
        out ConnectTarget target,
        out RpcError error)
    {
        var given = new List<(string, JsonElement)>(3);
        Add(given, "id", id);
        Add(given, "host", host);
        Add(given, "port", port);
        var missing = id is null ? JsonRpcErrors.MissingParameter("id") : null;
        return TryParse(given, missing, defaultPort, ourNodeId, out target, out error);
    }

    private static bool TryParse(
        IEnumerable<(string Name, JsonElement Value)> givenInOrder,
        RpcError? completion,
        ushort defaultPort,
        ReadOnlySpan<byte> ourNodeId,
        out ConnectTarget target,
        out RpcError error)
    {
        target = null!;
        NodeId? nodeId = null;
        string? host = null;
        ushort? port = null;
        foreach (var (name, value) in givenInOrder)
        {
            var failure = name switch
            {
                "id" => ReadId(value, ref nodeId, ref host, ref port),
                "host" => ReadHost(value, ref host),
                "port" => ReadPort(value, ref port),
                _ => throw new ArgumentException($"'{name}' is not a connect parameter"),
            };
            if (failure is not null)
            {
                error = failure;
                return false;
            }
        }

        if (completion is not null || nodeId is not { } id)
        {
            error = completion ?? JsonRpcErrors.MissingParameter("id");
            return false;
        }

        if (!ourNodeId.IsEmpty && ourNodeId.SequenceEqual(id.Bytes))
        {
            error = ParameterErrors.OwnNodeId;
            return false;
        }

        if (host is null)
        {
            if (port is not null)
            {
                error = ParameterErrors.PortWithoutHost;
                return false;
            }

            target = new ConnectTarget(id, null, defaultPort, null);
            error = null!;
            return true;
        }

        var requestedPort = port ?? defaultPort;
        if (!HostValidator.TryValidate(host, requestedPort, out var address, out error))
        {
            return false;
        }

        target = new ConnectTarget(id, host, requestedPort, address);
        return true;
    }

    /// <summary><c>param_id_maybe_addr</c>: the id, and an optional <c>@host[:port]</c> after the first <c>@</c>.</summary>
    private static RpcError? ReadId(JsonElement value, ref NodeId? nodeId, ref string? host, ref ushort? port)
    {
        var text = RawJson.Content(value);
        var at = text.IndexOf('@');
        if (!NodeIdText.TryParse(at < 0 ? text : text.AsSpan(0, at), out var id))
        {
            return ParameterErrors.NotANodeId("id");
        }

        nodeId = id;
        if (at < 0)
        {
            return null;
        }

        if (host is not null)
        {
            return ParameterErrors.HostTwice;
        }

        if (!AddressSplitter.TrySplit(text[(at + 1)..], out var atHost, out var atPort))
        {
            return ParameterErrors.MalformedAtHost;
        }

        host = atHost;
        if (atPort is not null)
        {
            if (port is not null)
            {
                return ParameterErrors.PortTwice;
            }

            port = atPort;
        }

        return null;
    }

    /// <summary><c>param_id_addr_string</c>: any value, read raw.</summary>
    private static RpcError? ReadHost(JsonElement value, ref string? host)
    {
        if (host is not null)
        {
            return ParameterErrors.HostTwice;
        }

        host = RawJson.Content(value);
        return null;
    }

    /// <summary><c>param_id_addr_u16</c>: decimal digits only (a JSON number or string), 1..65535.</summary>
    private static RpcError? ReadPort(JsonElement value, ref ushort? port)
    {
        if (port is not null)
        {
            return ParameterErrors.PortTwice;
        }

        if (!RawNumber.TryParseUInt16(RawJson.Content(value), out var number))
        {
            return ParameterErrors.PortNot16Bit;
        }

        if (number == 0)
        {
            return ParameterErrors.PortZero;
        }

        port = number;
        return null;
    }

    private static void Add(List<(string, JsonElement)> given, string name, JsonElement? value)
    {
        if (value is { } v && v.ValueKind != JsonValueKind.Null)
        {
            given.Add((name, v));
        }
    }
}
