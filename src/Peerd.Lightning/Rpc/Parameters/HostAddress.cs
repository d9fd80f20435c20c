namespace Peerd.Lightning.Rpc.Parameters;

/// <summary>A <c>connect</c> host after validation: what to dial, and on which port.</summary>
/// <param name="Kind">The kind of address.</param>
/// <param name="Address">
/// What to dial or resolve: the canonical IP text (<c>127.0.0.1</c> for <c>localhost</c>, <c>::1</c>), the DNS name
/// (without a <c>dns:</c> prefix), the <c>.onion</c> name, or the socket path.
/// </param>
/// <param name="Port">
/// The port to use: a port inside the host string (<c>host="1.2.3.4:5555"</c>) overrides the <c>port</c> parameter,
/// as in Core Lightning; otherwise the parameter, otherwise the network's default. Meaningless for a local socket.
/// </param>
/// <param name="DeferredDns">
/// True for a name written <c>dns:NAME</c>: Core Lightning keeps it unresolved (BOLT 7 type 5) and resolves it when
/// dialling, trying every result, so a lookup failure is a per-address dial failure (<c>401</c>). Other names are
/// resolved before dialling and only the first result is used; a failure is a <c>-1</c> "not valid" error (see
/// <see cref="ConnectTarget.HostNotValid"/>).
/// </param>
public sealed record HostAddress(HostKind Kind, string Address, ushort Port, bool DeferredDns = false);
