using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Peerd.Lightning.Node;
using Peerd.Lightning.Protocol.Chains;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Transport;

namespace Peerd.Lightning.Gossip;

/// <summary>
/// BOLT #10 DNS seeds, for <c>connect &lt;id&gt;</c> when the graph knows no address (a fresh install): each seed is
/// asked for the node's SRV record (<c>l&lt;bech32 id&gt;._nodes._tcp.&lt;seed&gt;</c>, which carries the port; the
/// target's A/AAAA give the addresses) and then for <c>&lt;bech32 id&gt;.&lt;seed&gt;</c>'s A/AAAA at the network's
/// default port. Queries go over UDP to <see cref="Server"/> (the system's first <c>nameserver</c> unless
/// configured), each with a deadline. Not used with <c>--disable-dns</c> or <c>--always-use-proxy</c> (no local DNS).
/// </summary>
public sealed class DnsSeeds
{
    /// <summary>The deadline for one query.</summary>
    public static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(3);

    private readonly IReadOnlyList<string> _seeds;
    private readonly int _defaultPort;

    /// <summary>Creates the lookup over <paramref name="seeds"/>, asking <paramref name="server"/>.</summary>
    public DnsSeeds(IReadOnlyList<string> seeds, IPEndPoint server, int defaultPort)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(server);
        _seeds = seeds;
        Server = server;
        _defaultPort = defaultPort;
    }

    /// <summary>The resolver asked.</summary>
    public IPEndPoint Server { get; }

    /// <summary>The seeds asked, in order.</summary>
    public IReadOnlyList<string> Seeds => _seeds;

    /// <summary>The usual seeds of <paramref name="network"/> (none for signet and regtest).</summary>
    public static IReadOnlyList<string> Defaults(LightningNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Name switch
        {
            "bitcoin" => ["lseed.bitcoinstats.com", "lseed.darosior.ninja", "nodes.lightning.wiki"],
            "testnet" => ["test.nodes.lightning.wiki"],
            _ => [],
        };
    }

    /// <summary>The first <c>nameserver</c> of <c>/etc/resolv.conf</c> (port 53), or 127.0.0.53 without one.</summary>
    public static IPEndPoint SystemResolver()
    {
        try
        {
            foreach (var line in File.ReadLines("/etc/resolv.conf"))
            {
                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts is ["nameserver", var address, ..] && IPAddress.TryParse(address, out var ip))
                {
                    return new IPEndPoint(ip, 53);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return new IPEndPoint(IPAddress.Parse("127.0.0.53"), 53);
    }

    /// <summary>The addresses the seeds give for <paramref name="node"/>, SRV answers first; empty when none answer.</summary>
    public async Task<IReadOnlyList<PeerEndpoint>> LookupAsync(NodeId node, CancellationToken cancellationToken)
    {
        var endpoints = new List<PeerEndpoint>();
        foreach (var seed in _seeds)
        {
            var (_, services) = await QueryAsync(DnsSeedName.NodeService(node.Bytes, seed), DnsMessage.TypeSrv, cancellationToken).ConfigureAwait(false);
            foreach (var (target, port) in services)
            {
                foreach (var ip in await AddressesAsync(target, cancellationToken).ConfigureAwait(false))
                {
                    endpoints.Add(PeerEndpoint.FromIp(ip, port));
                }
            }

            foreach (var ip in await AddressesAsync(DnsSeedName.NodeHost(node.Bytes, seed), cancellationToken).ConfigureAwait(false))
            {
                endpoints.Add(PeerEndpoint.FromIp(ip, _defaultPort));
            }

            if (endpoints.Count > 0)
            {
                break;
            }
        }

        return [.. endpoints.Distinct()];
    }

    private async Task<IEnumerable<IPAddress>> AddressesAsync(string name, CancellationToken cancellationToken)
    {
        var v4 = await QueryAsync(name, DnsMessage.TypeA, cancellationToken).ConfigureAwait(false);
        var v6 = await QueryAsync(name, DnsMessage.TypeAaaa, cancellationToken).ConfigureAwait(false);
        return v4.Addresses.Concat(v6.Addresses);
    }

    private async Task<(IReadOnlyList<IPAddress> Addresses, IReadOnlyList<(string Target, ushort Port)> Services)> QueryAsync(string name, ushort type, CancellationToken cancellationToken)
    {
        ushort id = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
        byte[] query;
        try
        {
            query = DnsMessage.Query(id, name, type);
        }
        catch (ArgumentException)
        {
            return ([], []);
        }

        using var socket = new Socket(Server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(QueryTimeout);
        try
        {
            await socket.ConnectAsync(Server, deadline.Token).ConfigureAwait(false);
            await socket.SendAsync(query, SocketFlags.None, deadline.Token).ConfigureAwait(false);
            var buffer = new byte[4096];
            while (true)
            {
                int received = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token).ConfigureAwait(false);
                var answers = DnsMessage.ReadAnswers(buffer.AsSpan(0, received), id);
                if (received >= 2 && buffer[0] == (byte)(id >> 8) && buffer[1] == (byte)id)
                {
                    return answers;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ([], []);
        }
        catch (SocketException)
        {
            return ([], []);
        }
    }
}
