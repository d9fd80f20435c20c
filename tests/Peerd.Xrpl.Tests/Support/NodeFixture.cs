namespace Peerd.Xrpl.Tests.Support;

/// <summary>One node shared by a test class (its tests only read or make failing dials).</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await TestNode.StartAsync();

    public async Task DisposeAsync() => await Node.DisposeAsync();
}
