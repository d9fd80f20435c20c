using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Peerd.Lightning.Node;
using Peerd.Lightning.Peers;
using Peerd.Lightning.Rpc.Parameters;
using Peerd.Lightning.Transport;
using Peerd.ClnRpc;
using Peerd.ClnRpc.Dispatch;

namespace Peerd.Lightning.Rpc.Methods;

/// <summary>Options of the <c>connect</c> method.</summary>
/// <param name="AlwaysUseProxy">Names are not resolved locally but handed to the proxy.</param>
/// <param name="Seeds">Where <c>connect &lt;id&gt;</c> looks when the graph has no address (BOLT 10 DNS seeds); null: nowhere.</param>
public sealed record ConnectOptions(bool AlwaysUseProxy = false, Func<NodeId, CancellationToken, Task<IReadOnlyList<PeerEndpoint>>>? Seeds = null);

/// <summary>
/// <c>connect id [host] [port]</c> exactly as Core Lightning answers it (see the contract), returning after the
/// handshake and the <c>init</c> exchange. Beyond the reference: our own id is refused before dialling, a named
/// <c>timeout</c> (seconds) bounds the wait, and every address a name resolves to is tried.
/// </summary>
public static class ConnectMethod
{
    /// <summary>Creates the method.</summary>
    public static RpcMethod Create(PeerManager peers, Func<NodeId, IReadOnlyList<PeerEndpoint>>? known, ConnectOptions options) => new(
        "connect",
        [.. ConnectParameters.Spec, RpcParameter.NamedOnly("timeout", TimeoutCheck)],
        async (call, cancellationToken) =>
        {
            var local = peers.Local;
            if (!ConnectParameters.TryParse(call.Parameters, local.Network.DefaultPort, local.Id.Bytes, out var target, out var error))
            {
                return error;
            }

            TimeSpan? timeout = call.Parameters.TryGet("timeout", out var t) ? TimeSpan.FromSeconds(t.GetDouble()) : null;
            var id = target.NodeId;
            IReadOnlyList<PeerEndpoint> addresses;
            if (target.Address is { } host)
            {
                var resolved = await ResolveAsync(target, host, options, cancellationToken).ConfigureAwait(false);
                if (resolved.Error is not null)
                {
                    return resolved.Error;
                }

                addresses = resolved.Endpoints!;
            }
            else
            {
                addresses = known?.Invoke(id) ?? [];
                if (addresses.Count == 0 && options.Seeds is { } seeds)
                {
                    // Nothing in the graph (a fresh install): BOLT 10 DNS seeds.
                    addresses = await seeds(id, cancellationToken).ConfigureAwait(false);
                }
            }

            if (call.IsCheckOnly)
            {
                return call.CheckDone();
            }

            var outcome = await ConnectNotifyingAsync(peers, call, id, addresses, timeout).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                return new RpcError(outcome.ErrorCode, outcome.ErrorMessage!);
            }

            return RpcResult.Success(Result(outcome.Connection!));
        },
        RpcParameterChecking.ByMethod)
    { HandlesCheckOnly = true };

    /// <summary>
    /// Connects, telling a client that enabled notifications what happens as it happens: a <c>message</c> at level
    /// <c>debug</c> for each address and stage (so <c>lightning-cli</c> prints nothing unless run with <c>-N debug</c>,
    /// and its output stays Core Lightning's).
    /// </summary>
    private static async Task<ConnectOutcome> ConnectNotifyingAsync(
        PeerManager peers, RpcCall call, NodeId id, IReadOnlyList<PeerEndpoint> addresses, TimeSpan? timeout)
    {
        var connecting = peers.ConnectAsync(id, addresses, timeout);
        if (!call.SendsNotifications || connecting.IsCompleted || peers.Attempts.FirstOrDefault(a => a.NodeId == id) is not { } attempt)
        {
            return await connecting.ConfigureAwait(false);
        }

        void Report(PeerEndpoint? address, string? stage)
        {
            if (address is not null && stage is not null)
            {
                _ = call.NotifyMessageAsync("debug", $"Connecting to {id} at {address}: {stage}");
            }
        }

        attempt.StageChanged += Report;
        try
        {
            Report(attempt.CurrentAddress, attempt.CurrentStage);
            return await connecting.ConfigureAwait(false);
        }
        finally
        {
            attempt.StageChanged -= Report;
        }
    }

    /// <summary>The success object: <c>id</c>, <c>features</c>, <c>direction</c>, <c>address</c>.</summary>
    public static JsonObject Result(PeerConnection connection) => new()
    {
        ["id"] = connection.NodeId.ToString(),
        ["features"] = connection.Features.ToHex(),
        ["direction"] = connection.Direction == PeerDirection.In ? "in" : "out",
        ["address"] = AddressJson.From(connection.RemoteEndpoint),
    };

    private static RpcError? TimeoutCheck(string name, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds > 0 && seconds <= 86_400
            ? null
            : RpcError.BadParameter(name, "should be a number of seconds between 0 and 86400");

    private sealed record Resolution(IReadOnlyList<PeerEndpoint>? Endpoints, RpcError? Error);

    private static async Task<Resolution> ResolveAsync(ConnectTarget target, HostAddress host, ConnectOptions options, CancellationToken cancellationToken)
    {
        switch (host.Kind)
        {
            case HostKind.IPv4:
            case HostKind.IPv6:
                return new([PeerEndpoint.FromIp(IPAddress.Parse(host.Address), host.Port)], null);
            case HostKind.LocalSocket:
                return new([PeerEndpoint.LocalSocket(host.Address)], null);
            case HostKind.Onion:
                return new([PeerEndpoint.TorV3(host.Address, host.Port)], null);
        }

        // A name: with always-use-proxy (or written dns:NAME) it stays a name, resolved by whoever dials it.
        if (options.AlwaysUseProxy || host.DeferredDns)
        {
            return new([PeerEndpoint.DnsName(host.Address, host.Port)], null);
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host.Address, cancellationToken).ConfigureAwait(false);
            if (addresses.Length == 0)
            {
                return new(null, target.HostNotValid("No address associated with hostname"));
            }

            // Core Lightning keeps only the first result; every one is tried here, in the resolver's order.
            return new([.. addresses.Select(a => PeerEndpoint.FromIp(a, host.Port)).Distinct()], null);
        }
        catch (SocketException e)
        {
            return new(null, target.HostNotValid(SocketErrors.Describe(e.SocketErrorCode)));
        }
    }
}
