using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Peerd.Peering.Metrics;
using Peerd.Xrpl.Hosting;

namespace Peerd.Daemon.Metrics;

/// <summary>
/// <c>--metrics-addr</c>: the Prometheus text exposition of the <c>Peerd</c> meter (<see cref="PeerdMetrics"/>) at
/// <c>GET /metrics</c>, on a small Kestrel host of its own (the same server as the XRPL admin port, with no
/// configuration files and no signal handlers). OpenTelemetry's SDK listens to the meter and its Prometheus exporter
/// writes the page; only the <c>Peerd</c> meter is exported. Every scrape is collected afresh (no response cache), so
/// two scrapes a moment apart show what happened between them.
/// </summary>
internal sealed class MetricsServer : IAsyncDisposable
{
    /// <summary>The scrape path.</summary>
    public const string Path = "/metrics";

    private readonly WebApplication _app;
    private readonly MeterProvider _meters;

    private MetricsServer(WebApplication app, MeterProvider meters, IPEndPoint endpoint)
    {
        _app = app;
        _meters = meters;
        Endpoint = endpoint;
    }

    /// <summary>The bound endpoint (the real port when 0 was asked).</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>Starts listening on <paramref name="endpoint"/>; the meter is exported from now on.</summary>
    /// <param name="endpoint">Where to listen.</param>
    /// <param name="version">The daemon's version, for <c>target_info</c>'s <c>service_version</c>.</param>
    /// <param name="loggers">The daemon's loggers.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<MetricsServer> StartAsync(IPEndPoint endpoint, string version, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var meters = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.Clear().AddService("peerd", serviceVersion: version, autoGenerateServiceInstanceId: false))
            .AddMeter(PeerdMetrics.MeterName)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0)
            .Build();
        try
        {
            var app = EmbeddedWebHost.Create(endpoint, loggers, typeof(MetricsServer).Assembly.GetName().Name!);
            app.UseOpenTelemetryPrometheusScrapingEndpoint(
                meters,
                predicate: context => HttpMethods.IsGet(context.Request.Method) && context.Request.Path == Path,
                path: null,
                configureBranchedPipeline: null,
                optionsName: null);
            app.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return new MetricsServer(app, meters, EmbeddedWebHost.BoundEndpoint(app, endpoint));
        }
        catch
        {
            meters.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await EmbeddedWebHost.StopAsync(_app).ConfigureAwait(false);
        _meters.Dispose();
    }
}
