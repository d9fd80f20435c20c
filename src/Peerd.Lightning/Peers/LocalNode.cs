using Peerd.Crypto;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Features;

namespace Peerd.Lightning.Peers;

/// <summary>What every connection needs to know about us: identity, network, advertised features, deadlines.</summary>
public sealed class LocalNode
{
    /// <summary>Creates the description.</summary>
    public LocalNode(IStaticKey key, LightningNetwork network, FeatureBits initFeatures, TimeSpan handshakeTimeout, TimeSpan connectTimeout)
    {
        Key = key;
        Id = NodeId.FromBytes(key.PublicKey);
        Network = network;
        InitFeatures = initFeatures;
        HandshakeTimeout = handshakeTimeout;
        ConnectTimeout = connectTimeout;
    }

    /// <summary>Our static key.</summary>
    public IStaticKey Key { get; }

    /// <summary>Our node id.</summary>
    public NodeId Id { get; }

    /// <summary>The chain we are on (sent in <c>init</c>'s <c>networks</c>).</summary>
    public LightningNetwork Network { get; }

    /// <summary>The features we put in <c>init</c>.</summary>
    public FeatureBits InitFeatures { get; }

    /// <summary>Deadline for the handshake plus <c>init</c>.</summary>
    public TimeSpan HandshakeTimeout { get; }

    /// <summary>Deadline for a TCP connect.</summary>
    public TimeSpan ConnectTimeout { get; }
}
