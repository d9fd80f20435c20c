using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using Peerd.Xrpl.Hosting;

namespace Peerd.Xrpl.Admin;

/// <summary>
/// The admin port on Kestrel: HTTP JSON-RPC (POST) and WebSocket (upgrade) on the same port, like rippled's
/// <c>[port_rpc_admin_local]</c> with <c>protocol = http, ws</c>. It runs its own small host that reads no
/// configuration files and installs no signal handlers, so it can live inside the daemon's process.
/// </summary>
internal sealed class AdminServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AdminServer(WebApplication app, IPEndPoint endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The bound endpoint (the real port when 0 was asked).</summary>
    public IPEndPoint Endpoint { get; }

    public static async Task<AdminServer> StartAsync(IPEndPoint endpoint, JsonRpcEndpoint jsonRpc, WebSocketEndpoint webSocket, string serverName, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var app = EmbeddedWebHost.Create(endpoint, loggers, typeof(AdminServer).Assembly.GetName().Name!);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Run(context =>
        {
            if (context.WebSockets.IsWebSocketRequest)
            {
                return webSocket.HandleAsync(context);
            }

            // rippled's isStatusRequest: a body-less GET of "/" is a health check.
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path == "/" && (context.Request.ContentLength ?? 0) == 0)
            {
                return JsonRpcEndpoint.StatusPageAsync(context, serverName);
            }

            return jsonRpc.HandleAsync(context);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new AdminServer(app, EmbeddedWebHost.BoundEndpoint(app, endpoint));
    }

    public ValueTask DisposeAsync() => EmbeddedWebHost.StopAsync(_app);
}
