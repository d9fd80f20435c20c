using System.Globalization;
using System.Text.Json.Nodes;

namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>
/// An independent XRPL peer: tests/interop/xrpl/peer.mjs (Node's OpenSSL TLS, ripple-keypairs, @noble/curves) dialling
/// a peer port. It verifies our 101's session signature itself and pings once the session starts.
/// </summary>
public sealed class NodeXrplPeer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private NodeXrplPeer(ChildProcess process) => _process = process;

    /// <summary>Starts a peer that dials 127.0.0.1:<paramref name="port"/> and pings after the handshake.</summary>
    public static NodeXrplPeer Dial(int port) =>
        new(ChildProcess.Start("node", ["xrpl/peer.mjs", "dial", "--port", port.ToString(CultureInfo.InvariantCulture), "--ping"], RepoPaths.Interop));

    /// <summary>
    /// The handshake's outcome: the <c>handshake</c> event, or null when the dial was refused or dropped first
    /// (a <c>refused</c>, <c>error</c> or <c>closed</c> event).
    /// </summary>
    public async Task<JsonObject?> HandshakeAsync()
    {
        var line = await _process.WaitForLineAsync(l => Event(l) is "handshake" or "refused" or "error" or "closed", "a handshake outcome").ConfigureAwait(false);
        var parsed = JsonNode.Parse(line)!.AsObject();
        return Event(line) == "handshake" ? parsed : null;
    }

    /// <summary>Waits for the answer to its ping: the <c>pong</c> event.</summary>
    public Task<JsonObject> PongAsync() => _process.WaitForEventAsync("pong");

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static string? Event(string line) => line.StartsWith('{') ? JsonNode.Parse(line)?["event"]?.GetValue<string>() : null;
}
