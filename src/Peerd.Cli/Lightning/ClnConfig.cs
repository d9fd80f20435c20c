namespace Peerd.Cli.Lightning;

/// <summary>
/// The few settings <c>lightning-cli</c> takes from the daemon's config file (<c>&lt;lightning-dir&gt;/config</c>,
/// lines of <c>name=value</c>): the network (<c>network=regtest</c> or a bare <c>regtest</c>) and <c>rpc-file</c>.
/// </summary>
public static class ClnConfig
{
    /// <summary>Reads <paramref name="path"/> if it exists; a missing or unreadable file yields nothing.</summary>
    public static (string? Network, string? RpcFile) Read(string path)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadLines(path)) : (null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }
    }

    /// <summary>Reads config lines.</summary>
    public static (string? Network, string? RpcFile) Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string? network = null;
        string? rpcFile = null;
        foreach (var rawLine in lines)
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var eq = line.IndexOf('=');
            var name = (eq < 0 ? line : line[..eq]).Trim();
            var value = eq < 0 ? null : line[(eq + 1)..].Trim();
            switch (name)
            {
                case "network" when value is not null: network = value; break;
                case "rpc-file" when value is not null: rpcFile = value; break;
                case "testnet" or "testnet4" or "signet" or "regtest": network = name; break;
                case "mainnet": network = "bitcoin"; break;
            }
        }

        return (network, rpcFile);
    }
}
