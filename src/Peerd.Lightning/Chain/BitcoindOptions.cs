using Peerd.Lightning.Protocol.Chains;

namespace Peerd.Lightning.Chain;

/// <summary>
/// How to reach bitcoind's JSON-RPC: Core Lightning's <c>bitcoin-rpcconnect</c>, <c>bitcoin-rpcport</c>,
/// <c>bitcoin-rpcuser</c>, <c>bitcoin-rpcpassword</c> and, for cookie authentication when no user and password are
/// given, the cookie file under <c>bitcoin-datadir</c>.
/// </summary>
/// <param name="Host">The host (default 127.0.0.1).</param>
/// <param name="Port">The port (default per network: <see cref="DefaultPort"/>).</param>
/// <param name="User">The RPC user, or null for the cookie.</param>
/// <param name="Password">The RPC password, or null for the cookie.</param>
/// <param name="CookieFile">The cookie file (read at each call: bitcoind writes a new one when it restarts), or null.</param>
public sealed record BitcoindOptions(string Host, int Port, string? User, string? Password, string? CookieFile)
{
    /// <summary>Core Lightning's default host.</summary>
    public const string DefaultHost = "127.0.0.1";

    /// <summary>bitcoind's RPC port for <paramref name="network"/>.</summary>
    public static int DefaultPort(LightningNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Name switch
        {
            "testnet" => 18332,
            "testnet4" => 48332,
            "signet" => 38332,
            "regtest" => 18443,
            _ => 8332,
        };
    }

    /// <summary>bitcoind's cookie file in <paramref name="dataDir"/> for <paramref name="network"/> (mainnet's at the top).</summary>
    public static string CookiePath(string dataDir, LightningNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var subdirectory = network.Name switch
        {
            "testnet" => "testnet3",
            "testnet4" => "testnet4",
            "signet" => "signet",
            "regtest" => "regtest",
            _ => string.Empty,
        };
        return Path.Combine(dataDir, subdirectory, ".cookie");
    }
}
