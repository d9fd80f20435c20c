using System.Globalization;
using System.Net.Sockets;
namespace Peerd.Peering.Admission;

/// <summary>
/// The process's one budget of peer sockets, shared by every peer port. A process has one descriptor limit, so the
/// Lightning and XRPL ports draw on one budget: their soft <c>RLIMIT_NOFILE</c> (read from <c>/proc/self/limits</c>)
/// minus the descriptors already open when the budget is made minus <see cref="DefaultReserve"/> for everything else.
/// Peer sockets of all ports together (connected peers plus pending handshakes) reaching it, or an
/// <c>EMFILE</c>/<c>ENFILE</c> from the kernel on any port, is descriptor pressure, and it is relieved across all
/// ports: every pending connection on every port is closed first, then, if that was not enough, one peer chosen at
/// random among all ports' peers, inbound first (Core Lightning's <c>close_random_connection</c>). Each port's
/// <see cref="ConnectionAdmission"/> joins the budget it is given; the daemon makes one and gives it to both.
/// Thread-safe.
/// </summary>
public sealed class DescriptorBudget
{
    /// <summary>
    /// Descriptors kept free for everything that is not a peer socket: 128 — the Lightning RPC server's 64 clients
    /// (<c>RpcLimits.MaxClients</c>) and its listener, the XRPL admin port's listener and its clients, the log, the
    /// address book and the gossip store, the data directory's lock, validator-site fetches and DNS lookups, with room
    /// to spare. Peer sockets beyond the process's limit minus this reserve count as descriptor pressure.
    /// </summary>
    public const int DefaultReserve = 128;

    private readonly Lock _lock = new();
    private ConnectionAdmission[] _ports = [];

    /// <summary>A budget of exactly <paramref name="sockets"/> peer sockets (tests reach it with a handful).</summary>
    /// <param name="sockets">Peer sockets held at most, all ports together, before shedding.</param>
    public DescriptorBudget(int sockets)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sockets);
        Sockets = sockets;
    }

    /// <summary>Peer sockets held at most, all ports together, before descriptor pressure.</summary>
    public int Sockets { get; }

    /// <summary>The soft descriptor limit it was computed from (<see cref="int.MaxValue"/> when unknown), or 0 when given.</summary>
    public long DescriptorLimit { get; private init; }

    /// <summary>Descriptors open when it was computed, or 0 when given.</summary>
    public int OpenAtStart { get; private init; }

    /// <summary>The descriptors it keeps free, or 0 when given.</summary>
    public int Reserve { get; private init; }

    /// <summary>Peer sockets every port sharing the budget holds now: connected peers plus pending connections.</summary>
    public int Held
    {
        get
        {
            var held = 0;
            foreach (var port in Volatile.Read(ref _ports))
            {
                held += port.Host.CountPeers().Peers + port.Pending.Count;
            }

            return held;
        }
    }

    /// <summary>
    /// The process's budget: its soft descriptor limit minus the descriptors open now minus <paramref name="reserve"/>.
    /// Make it once, before the peer ports open, and give it to each port.
    /// </summary>
    /// <param name="reserve">Descriptors kept free for everything that is not a peer socket.</param>
    public static DescriptorBudget ForProcess(int reserve = DefaultReserve)
    {
        var limit = SoftLimit();
        var open = OpenDescriptors();
        return new DescriptorBudget((int)Math.Clamp(limit - open - reserve, 0, int.MaxValue))
        {
            DescriptorLimit = limit,
            OpenAtStart = open,
            Reserve = reserve,
        };
    }

    /// <summary>The soft limit on open descriptors, or <see cref="int.MaxValue"/> when unknown or unlimited.</summary>
    public static long SoftLimit()
    {
        try
        {
            // "Max open files            20000                20000                files"
            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                if (line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : int.MaxValue;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return int.MaxValue;
    }

    /// <summary>Descriptors open now (entries of <c>/proc/self/fd</c>), or 0 when that cannot be read.</summary>
    public static int OpenDescriptors()
    {
        try
        {
            return Directory.GetFileSystemEntries("/proc/self/fd").Length;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>
    /// True when <paramref name="exception"/> is the kernel refusing a descriptor: <c>EMFILE</c> (this process's
    /// limit) or <c>ENFILE</c> (the system's), both <see cref="SocketError.TooManyOpenSockets"/> in .NET.
    /// </summary>
    public static bool IsExhaustion(Exception? exception) => exception switch
    {
        null => false,
        SocketException s => s.SocketErrorCode == SocketError.TooManyOpenSockets,
        _ => IsExhaustion(exception.InnerException),
    };

    /// <summary>A port starts drawing on the budget.</summary>
    internal void Join(ConnectionAdmission port)
    {
        lock (_lock)
        {
            _ports = [.. _ports, port];
        }
    }

    /// <summary>A port stops drawing on the budget (it was disposed).</summary>
    internal void Leave(ConnectionAdmission port)
    {
        lock (_lock)
        {
            _ports = [.. _ports.Where(p => p != port)];
        }
    }

    /// <summary>Before a port takes one more socket: sheds if that would pass the budget.</summary>
    internal void Check()
    {
        if (Held + 1 > Sockets)
        {
            Shed($"{Sockets} peer sockets is the budget", budgetKnown: true, except: null);
        }
    }

    /// <summary>
    /// Descriptor pressure: closes every pending connection on every port (but <paramref name="except"/>), then, if
    /// that was not enough, one peer chosen at random among all ports' peers, inbound first.
    /// </summary>
    /// <param name="cause">What showed the pressure, for the log.</param>
    /// <param name="budgetKnown">
    /// True when the budget was reached (a peer is closed only if the peers alone still fill it); false for an
    /// <c>EMFILE</c>, where a peer is closed if nothing was pending, or if an inbound one can go.
    /// </param>
    /// <param name="except">A pending connection to spare.</param>
    internal void Shed(string cause, bool budgetKnown, PendingConnections.Pending? except)
    {
        var ports = Volatile.Read(ref _ports);
        var shed = 0;
        foreach (var port in ports)
        {
            shed += port.ShedPending(cause, budgetKnown, except);
        }

        var counts = ports.Select(p => p.Host.CountPeers()).ToArray();
        var peers = counts.Sum(c => c.Peers);
        var inbound = counts.Sum(c => c.Inbound);
        var needed = budgetKnown ? peers + 1 > Sockets : shed == 0 || inbound > 0;
        if (!needed)
        {
            return;
        }

        // A peer chosen at random among all ports' peers: the port in proportion to its share, inbound first.
        var inboundOnly = !budgetKnown && shed > 0;
        var byInbound = inbound > 0;
        var total = byInbound ? inbound : peers;
        if (total == 0)
        {
            return;
        }

        var pick = Random.Shared.Next(total);
        for (var i = 0; i < ports.Length; i++)
        {
            var weight = byInbound ? counts[i].Inbound : counts[i].Peers;
            if (pick < weight)
            {
                ports[i].ClosePeer(cause, budgetKnown, inboundOnly);
                return;
            }

            pick -= weight;
        }
    }
}
