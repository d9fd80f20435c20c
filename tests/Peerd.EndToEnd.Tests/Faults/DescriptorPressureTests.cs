using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Peerd.Crypto;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests.Faults;

/// <summary>
/// A daemon started under a low descriptor limit (<c>prlimit --nofile=300</c>) computes its peer-socket budget and,
/// when connections reach it, sheds as Core Lightning does: every pending connection first (an outbound attempt fails
/// with "Terminated due to too many connections"), then, when peers alone fill the budget, a random inbound peer.
/// It keeps serving throughout. (The kernel's own EMFILE on a dial or accept: <c>DescriptorExhaustionTests</c>.)
/// </summary>
public sealed partial class DescriptorPressureTests
{
    [Fact]
    public async Task AtItsSocketBudgetTheDaemonShedsPendingConnectionsThenARandomPeer()
    {
        await using var daemon = await PeerdProcess.StartAsync(launcher: ["prlimit", "--nofile=300:300"]);
        var budgetLine = await LogAssert.ContainsAsync(daemon, "Peer sockets limited to", "descriptor limit 300");
        var budget = int.Parse(BudgetPattern().Match(budgetLine).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(budget, 10, 300 - 128);

        // An outbound attempt stuck in its handshake, then silent inbound sockets until the budget is reached.
        await using var silent = new FakeListener(FakeListener.Behaviour.Silent);
        var target = Hex.Encode(StaticKey.Generate().PublicKey);
        var connect = daemon.ConnectAsync(target, "127.0.0.1", silent.Port);
        await LogAssert.ContainsAsync(daemon, $"Connecting to {target}");
        var raw = new List<Socket>();
        try
        {
            for (var i = 0; i < budget + 5; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                raw.Add(socket);
                await socket.ConnectAsync(IPAddress.Loopback, daemon.Port);
            }

            var response = await connect.WaitAsync(ChildProcess.Deadline);
            Assert.Equal(401, response["error"]!["code"]!.GetValue<int>());
            Assert.Contains("Terminated due to too many connections", response["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
            await LogAssert.ContainsAsync(daemon, "Too many open descriptors", "peer sockets is the budget", "connect attempt(s) (Terminated due to too many connections)");
            await using (var rpc = await daemon.RpcAsync())
            {
                Assert.Equal(daemon.NodeId, (await rpc.ResultAsync("getinfo"))["id"]!.GetValue<string>());
            }
        }
        finally
        {
            raw.ForEach(s => s.Dispose());
        }

        // Now honest peers beyond the budget: each newcomer costs a random inbound peer its connection.
        var peers = new List<RawLightningClient>();
        try
        {
            for (var i = 0; i < budget + 3; i++)
            {
                peers.Add(await GoodPeer.ConnectAsync(daemon));
            }

            await LogAssert.ContainsAsync(daemon, "Too many open descriptors", "closing peer", "(in), chosen at random");
            await LogAssert.ContainsAsync(daemon, "disconnected: Terminated due to too many connections");
            await using var rpc = await daemon.RpcAsync();
            var connected = (await rpc.ResultAsync("listpeers"))["peers"]!.AsArray().Count;
            Assert.InRange(connected, 1, budget);
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.DisposeAsync();
            }
        }

        await using var last = await GoodPeer.ConnectAsync(daemon);
    }

    [GeneratedRegex("Peer sockets limited to (\\d+)")]
    private static partial Regex BudgetPattern();
}
