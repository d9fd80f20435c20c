using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Peerd.Xrpl.Hosting;

/// <summary>
/// A small Kestrel host that lives inside the daemon's process: one HTTP/1.1 listener, no configuration files, no
/// logging providers of its own (the daemon's loggers), no signal handlers (the daemon owns the signals). The XRPL
/// admin API and the metrics endpoint each run one.
/// </summary>
public static class EmbeddedWebHost
{
    /// <summary>How long a stopping host lets requests in flight finish before they are cut.</summary>
    public static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(5);

    /// <summary>A host listening on <paramref name="endpoint"/>, built but not started: add its pipeline, then start it.</summary>
    /// <param name="endpoint">Where it listens (port 0: one the kernel picks; see <see cref="BoundEndpoint"/>).</param>
    /// <param name="loggers">The daemon's loggers.</param>
    /// <param name="applicationName">The host's application name (the serving assembly's name).</param>
    public static WebApplication Create(IPEndPoint endpoint, ILoggerFactory loggers, string applicationName)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = applicationName,
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
        return builder.Build();
    }

    /// <summary>The endpoint a started host is bound to (the real port when 0 was asked).</summary>
    /// <param name="app">The started host.</param>
    /// <param name="asked">The endpoint it was created with.</param>
    public static IPEndPoint BoundEndpoint(WebApplication app, IPEndPoint asked)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(asked);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new IPEndPoint(asked.Address, new Uri(address).Port);
    }

    /// <summary>Stops <paramref name="app"/> (requests in flight get <see cref="StopDeadline"/>, then are cut) and disposes it.</summary>
    /// <param name="app">The host.</param>
    public static async ValueTask StopAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var timeout = new CancellationTokenSource(StopDeadline);
        try
        {
            await app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Requests that did not finish in time are cut.
        }

        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A host lifetime that leaves process signals to the daemon.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
