namespace Peerd.Load.Infrastructure;

/// <summary>A running Lightning node the latency loops talk to: Peerd's daemon or a Core Lightning node.</summary>
internal interface ILightningNode : IAsyncDisposable
{
    /// <summary>Its JSON-RPC socket (<c>&lt;lightning-dir&gt;/regtest/lightning-rpc</c> for both).</summary>
    string RpcPath { get; }

    /// <summary>Its <c>--lightning-dir</c>.</summary>
    string Directory { get; }

    /// <summary>Its node id, hex.</summary>
    string NodeId { get; }

    /// <summary>The loopback port it accepts peers on.</summary>
    int Port { get; }

    /// <summary>Opens a persistent RPC connection.</summary>
    Task<RpcSocket> RpcAsync() => RpcSocket.ConnectAsync(RpcPath);
}
