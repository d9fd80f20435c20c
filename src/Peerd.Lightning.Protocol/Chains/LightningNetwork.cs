namespace Peerd.Lightning.Protocol.Chains;

/// <summary>
/// A Bitcoin network a Lightning node runs on, with Core Lightning's names, the wire chain hash sent in
/// <c>init</c>'s <c>networks</c> (Core Lightning <c>bitcoin/chainparams.c</c> <c>genesis_blockhash</c>) and the
/// default peer port (<c>chainparams.c</c> <c>ln_port</c>).
/// </summary>
public sealed class LightningNetwork
{
    private LightningNetwork(string name, string chainHashWireHex, ushort defaultPort)
    {
        Name = name;
        ChainHash = ChainHash.FromWireHex(chainHashWireHex);
        DefaultPort = defaultPort;
    }

    /// <summary>Bitcoin mainnet: port 9735 (0x2607).</summary>
    public static LightningNetwork Bitcoin { get; } =
        new("bitcoin", "6fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000", 9735);

    /// <summary>testnet3: port 19735 (0x4D17).</summary>
    public static LightningNetwork Testnet { get; } =
        new("testnet", "43497fd7f826957108f4a30fd9cec3aeba79972084e90ead01ea330900000000", 19735);

    /// <summary>testnet4: port 49735 (Core Lightning's choice; not in BOLT #1).</summary>
    public static LightningNetwork Testnet4 { get; } =
        new("testnet4", "43f08bdab050e35b567c864b91f47f50ae725ae2de53bcfbbaf284da00000000", 49735);

    /// <summary>signet: port 39735 (0x9B37).</summary>
    public static LightningNetwork Signet { get; } =
        new("signet", "f61eee3b63a380a477a063af32b2bbc97c9ff9f01f2c4225e973988108000000", 39735);

    /// <summary>regtest: port 19846.</summary>
    public static LightningNetwork Regtest { get; } =
        new("regtest", "06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f", 19846);

    /// <summary>Every network, mainnet first.</summary>
    public static IReadOnlyList<LightningNetwork> All { get; } = [Bitcoin, Testnet, Testnet4, Signet, Regtest];

    /// <summary>Core Lightning's network name (<c>getinfo</c>'s <c>network</c>).</summary>
    public string Name { get; }

    /// <summary>The genesis block hash in wire order.</summary>
    public ChainHash ChainHash { get; }

    /// <summary>The default Lightning peer port on this network.</summary>
    public ushort DefaultPort { get; }

    /// <summary>
    /// Finds a network by name, case-insensitively: <c>bitcoin</c> (also <c>mainnet</c>), <c>testnet</c>,
    /// <c>testnet4</c>, <c>signet</c>, <c>regtest</c>.
    /// </summary>
    public static bool TryParse(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LightningNetwork? network)
    {
        network = null;
        if (name is null)
        {
            return false;
        }

        if (string.Equals(name, "mainnet", StringComparison.OrdinalIgnoreCase))
        {
            network = Bitcoin;
            return true;
        }

        network = All.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));
        return network is not null;
    }

    /// <summary>Finds the network whose genesis hash is <paramref name="chainHash"/>.</summary>
    public static bool TryFromChainHash(ChainHash chainHash, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LightningNetwork? network)
    {
        network = All.FirstOrDefault(n => n.ChainHash == chainHash);
        return network is not null;
    }

    /// <summary>The network name.</summary>
    public override string ToString() => Name;
}
