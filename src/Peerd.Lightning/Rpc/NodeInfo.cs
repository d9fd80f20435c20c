using Peerd.Lightning.Peers;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Rpc;

/// <summary>What <c>getinfo</c> reports that does not change while the node runs.</summary>
/// <param name="Local">Our identity and network.</param>
/// <param name="Alias">The alias.</param>
/// <param name="Color">The 3-byte color.</param>
/// <param name="LightningDir">The data directory root (getinfo shows the network's directory inside it).</param>
/// <param name="Version">The version string.</param>
/// <param name="Bindings">Where we listen.</param>
/// <param name="Announced">Addresses we announce, as configured.</param>
public sealed record NodeInfo(
    LocalNode Local, string Alias, byte[] Color, string LightningDir, string Version, IReadOnlyList<PeerEndpoint> Bindings, IReadOnlyList<string> Announced);
