using Peerd.Crypto;
using Peerd.Lightning.Node;

namespace Peerd.Lightning.Tests.Node;

public sealed class NodeKeyStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("peerd-key-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheKeyIsCreatedOnceWithMode0600AndReusedAfterwards()
    {
        var path = Path.Combine(_dir, NodeKeyStore.FileName);
        var first = NodeKeyStore.LoadOrCreate(path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(32, new FileInfo(path).Length);
        var second = NodeKeyStore.LoadOrCreate(path);
        Assert.Equal(first.PublicKey.ToArray(), second.PublicKey.ToArray());
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void ACorruptKeyFileIsAClearErrorNotANewIdentity()
    {
        var path = Path.Combine(_dir, NodeKeyStore.FileName);
        File.WriteAllBytes(path, new byte[7]);
        var e = Assert.Throws<InvalidDataException>(() => NodeKeyStore.LoadOrCreate(path));
        Assert.Contains("not a 32-byte secp256k1 secret (7 bytes)", e.Message, StringComparison.Ordinal);
        Assert.Equal(7, new FileInfo(path).Length);
    }

    [Fact]
    public void AStaleTemporaryFileFromACrashDoesNotBlockCreation()
    {
        File.WriteAllBytes(Path.Combine(_dir, $".{NodeKeyStore.FileName}.999999.tmp"), new byte[3]);
        var key = NodeKeyStore.LoadOrCreate(Path.Combine(_dir, NodeKeyStore.FileName));
        Assert.True(Secp256k1.IsValidPublicKey(key.PublicKey));
    }
}
