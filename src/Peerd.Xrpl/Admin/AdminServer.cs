using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(AdminServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
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
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address);
        return new AdminServer(app, new IPEndPoint(endpoint.Address, uri.Port));
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Connections that did not finish in time are cut.
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A host lifetime that leaves process signals to the daemon.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
