using Peerd.TestKit;
using System.Text.Json.Nodes;
using Peerd.Crypto;
using Peerd.EndToEnd.Tests.Infrastructure;
using Peerd.Lightning.Protocol.Addresses;
using Peerd.Lightning.Protocol.Features;
using Peerd.Lightning.Protocol.Gossip;
using Peerd.Lightning.Protocol.Messages;
using Peerd.Primitives;

namespace Peerd.EndToEnd.Tests.Faults;

/// <summary>
/// SIGKILL at the worst moments: while the daemon creates its node key (killed right after start, at several
/// delays) and while it appends a burst of announcements to its address book. Each time it restarts with the same
/// id and a store it can read. (Two daemons on one directory: <c>DaemonLifecycleTests.ASecondDaemonOnTheSameDirectoryRefusesWithAClearError</c>.)
/// </summary>
public sealed class CrashSafetyTests
{
    [Fact]
    public async Task KilledWhileCreatingItsKeyTheDaemonRestartsWithOneStableId()
    {
        var dir = Path.Combine(Path.GetTempPath(), "peerd-kill-" + Guid.NewGuid().ToString("N")[..8]);
        var keyPath = Path.Combine(dir, "regtest", "node_secret");
        string? firstId = null;
        try
        {
            foreach (var delay in new[] { 0, 10, 30, 60, 100, 200, 400 })
            {
                await using (var process = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "peerd.dll"), $"--lightning-dir={dir}", "--network=regtest", "--bind-addr=127.0.0.1:0"]))
                {
                    await Task.Delay(delay);
                    process.Signal(9);
                    await process.WaitForExitAsync();
                }

                // Whenever the key exists it is whole, private, and the same key as the first time it was seen.
                if (File.Exists(keyPath))
                {
                    Assert.Equal(32, new FileInfo(keyPath).Length);
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
                    var id = Hex.Encode(new StaticKey(File.ReadAllBytes(keyPath)).PublicKey);
                    Assert.Equal(firstId ??= id, id);
                }
            }

            await using var daemon = await PeerdProcess.StartAsync(directory: dir);
            Assert.Equal(Hex.Encode(new StaticKey(File.ReadAllBytes(keyPath)).PublicKey), daemon.NodeId);
            Assert.Equal(firstId ?? daemon.NodeId, daemon.NodeId);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task KilledDuringABurstOfAnnouncementsTheDaemonRestartsWithAReadableAddressBook()
    {
        var dir = Path.Combine(Path.GetTempPath(), "peerd-kill-" + Guid.NewGuid().ToString("N")[..8]);
        var daemon = await PeerdProcess.StartAsync(directory: dir);
        var id = daemon.NodeId;
        // Each node first gets a channel (BOLT 7 takes a node's announcement only then), then its announcement.
        var announcements = Enumerable.Range(0, 2_000).Select(i => (Key: StaticKey.Generate(), N: i)).Select(k => (Channel: SignedChannel.Of(k.Key), Node: Announce(k.Key, k.N))).ToArray();
        try
        {
            await using (var gossiper = await GoodPeer.ConnectAsync(daemon))
            {
                var sending = Task.Run(async () =>
                {
                    try
                    {
                        foreach (var (channel, node) in announcements)
                        {
                            await gossiper.SendMessageAsync(channel);
                            await gossiper.SendMessageAsync(node);
                        }
                    }
                    catch (IOException)
                    {
                        // The daemon was killed under us.
                    }
                });

                // Kill once the book is being written: some announcements are stored, more are arriving.
                await using (var rpc = await daemon.RpcAsync())
                {
                    var deadline = DateTime.UtcNow + ChildProcess.Deadline;
                    while (await NodeCountAsync(rpc) < 200)
                    {
                        Assert.True(DateTime.UtcNow < deadline, "announcements were not being stored");
                    }
                }

                daemon.Process.Signal(9);
                await daemon.Process.WaitForExitAsync();
                await sending.WaitAsync(ChildProcess.Deadline);
            }

            await daemon.Process.DisposeAsync();
            daemon = await PeerdProcess.StartAsync(directory: dir);
            Assert.Equal(id, daemon.NodeId);
            await using var after = await daemon.RpcAsync();
            var stored = await NodeCountAsync(after);
            Assert.InRange(stored, 200, announcements.Length);

            // The book keeps working: a new announcement is stored after the restart.
            await using var again = await GoodPeer.ConnectAsync(daemon);
            var late = StaticKey.Generate();
            await again.SendMessageAsync(SignedChannel.Of(late));
            await again.SendMessageAsync(Announce(late, 9_999));
            await Eventually.TrueAsync(async () => await NodeCountAsync(after) == stored + 1, "an announcement stored after the restart");
        }
        finally
        {
            await daemon.DisposeAsync();
        }
    }

    // Announced nodes only: listnodes, as Core Lightning's, also lists each channel's endpoints that sent no announcement.
    private static async Task<int> NodeCountAsync(RpcClient rpc) =>
        (await rpc.ResultAsync("listnodes"))["nodes"]!.AsArray().Count(n => n!["last_timestamp"] is not null);

    private static byte[] Announce(StaticKey key, int n) =>
        NodeAnnouncement.Sign(key, OurFeatures.Node, (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, [1, 2, 3], $"n{n}", [WireAddress.FromIPAddress(System.Net.IPAddress.Parse("203.0.113.1"), (ushort)(1000 + (n % 60000)))]).ToArray();
}
