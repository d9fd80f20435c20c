using Peerd.Xrpl.Identity;
using Peerd.Xrpl.Protocol.Identity;

namespace Peerd.Xrpl.Tests.Identity;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class NodeKeyStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "peerd-keystore-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void CreatesAPrivateSeedFileOnceAndReadsItBack()
    {
        var first = NodeKeyStore.LoadOrCreate(_dir, null, out var source, out var path);
        Assert.Equal(NodeKeyStore.Source.Created, source);
        Assert.Equal(Path.Combine(_dir, "xrpl-node-seed"), path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.False(NodeKeyStore.IsTooOpen(path));
        var text = File.ReadAllText(path);
        Assert.Matches("^s[1-9A-HJ-NP-Za-km-z]{28}\n$", text);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));

        var second = NodeKeyStore.LoadOrCreate(_dir, null, out source, out _);
        Assert.Equal(NodeKeyStore.Source.Loaded, source);
        Assert.Equal(first.PublicKey, second.PublicKey);
        Assert.True(FamilySeed.TryParse(text, out var seed));
        Assert.Equal(first.PublicKey, NodeIdentity.FromSeed(seed).PublicKey);
    }

    [Fact]
    public void AConfiguredSeedIsUsedAndNothingIsWritten()
    {
        var identity = NodeKeyStore.LoadOrCreate(_dir, FamilySeed.FromPassphrase("masterpassphrase"), out var source, out var path);
        Assert.Equal(NodeKeyStore.Source.Configured, source);
        Assert.Equal("n94a1u4jAz288pZLtw6yFWVbi89YamiC6JBXPVUj5zmExe5fTVg9", identity.PublicKey.ToBase58());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void AnUnreadableSeedFileStopsStartUpAndIsNotOverwritten()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, NodeKeyStore.FileName);
        File.WriteAllText(path, "not a seed\n");
        var error = Assert.Throws<InvalidDataException>(() => NodeKeyStore.LoadOrCreate(_dir, null, out _, out _));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal("not a seed\n", File.ReadAllText(path));
    }

    [Fact]
    public void IsTooOpenSpotsGroupOrOtherAccess()
    {
        NodeKeyStore.LoadOrCreate(_dir, null, out _, out var path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Assert.True(NodeKeyStore.IsTooOpen(path));
    }
}
