using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Protocol.Handshake;

namespace Peerd.Xrpl.Admin;

/// <summary>The caller's role on the admin port.</summary>
public enum RpcRole
{
    /// <summary>Anyone who can reach the port: user methods only (<c>ping</c>, <c>server_info</c>).</summary>
    Guest,

    /// <summary>An allowed address with the right credentials (if any are configured): every method.</summary>
    Admin,
}

/// <summary>
/// Who is an admin (rippled <c>Role.cpp</c> <c>isAdmin</c>): the client's address must be in the allow-list, and when
/// a user or password is configured the request must carry both (<c>admin_user</c>, <c>admin_password</c>; top
/// level on WebSocket, in <c>params[0]</c> on JSON-RPC). Credentials are compared in constant time.
/// </summary>
internal sealed class AdminAccess(IReadOnlyList<IPNetwork> allow, string? user, string? password)
{
    private readonly byte[] _userHash = Hash(user ?? string.Empty);
    private readonly byte[] _passwordHash = Hash(password ?? string.Empty);
    private readonly bool _credentialsRequired = !string.IsNullOrEmpty(user) || !string.IsNullOrEmpty(password);

    public RpcRole RoleOf(IPAddress remote, JsonObject? credentials)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var address = PeerAddress.Normalize(remote);
        if (!allow.Any(network => network.Contains(address)))
        {
            return RpcRole.Guest;
        }

        if (!_credentialsRequired)
        {
            return RpcRole.Admin;
        }

        var userOk = Matches(credentials, "admin_user", _userHash, allowMissing: string.IsNullOrEmpty(user));
        var passwordOk = Matches(credentials, "admin_password", _passwordHash, allowMissing: string.IsNullOrEmpty(password));
        return userOk & passwordOk ? RpcRole.Admin : RpcRole.Guest;
    }

    private static bool Matches(JsonObject? credentials, string field, byte[] expected, bool allowMissing)
    {
        if (credentials is null || !credentials.TryGetPropertyValue(field, out var node) || node is null)
        {
            return allowMissing;
        }

        if (node.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(node.GetValue<string>()), expected);
    }

    // Hashing first makes the comparison independent of the secrets' lengths.
    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
