using Peerd.Lightning.Node;
using Peerd.ClnRpc;

namespace Peerd.Lightning.Rpc.Parameters;

/// <summary>A validated <c>connect</c> request.</summary>
/// <param name="NodeId">The 33-byte compressed public key of the peer.</param>
/// <param name="Host">The host as given (after any <c>id@</c> split), or null when none was given.</param>
/// <param name="RequestedPort">
/// The <c>port</c> parameter (or the one in <c>id@host:port</c>), else the network's default: the port Core
/// Lightning names in <c>Host &lt;host&gt;:&lt;port&gt; …</c> errors. A port inside the host string can still override
/// it for dialling (see <see cref="HostAddress.Port"/>).
/// </param>
/// <param name="Address">What to dial, or null when no host was given (the caller then uses known addresses).</param>
public sealed record ConnectTarget(NodeId NodeId, string? Host, ushort RequestedPort, HostAddress? Address)
{
    /// <summary>The kind of host, <see cref="HostKind.None"/> without one.</summary>
    public HostKind HostKind => Address?.Kind ?? HostKind.None;

    /// <summary>
    /// The <c>-1</c> error for this host when it cannot be used (e.g. the DNS lookup failed with
    /// <paramref name="reason"/> = <c>Name or service not known</c>).
    /// </summary>
    public RpcError HostNotValid(string reason) =>
        HostValidator.NotValid(Host ?? throw new InvalidOperationException("No host was given."), RequestedPort, reason);
}
