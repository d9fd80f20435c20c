using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Xrpl.Validators;

/// <summary>
/// Fetches the publishers' lists from <c>[validator_list_sites]</c> as rippled's <c>ValidatorSite</c> does: at start,
/// then every refresh interval (the site's <c>refresh_interval</c> in minutes, 1–1440, default 5); https with the
/// certificate verified (against the system's roots, or the configured <c>ssl_verify_file</c>), http, or file://.
/// Every list is verified by the tracker; a site cannot make it trust anything a publisher did not sign.
/// </summary>
public sealed class ValidatorSites : IAsyncDisposable
{
    /// <summary>The largest list body read (mainnet's is about 100 KB).</summary>
    public const int MaxBody = 8 << 20;

    /// <summary>rippled's default refresh interval.</summary>
    public static readonly TimeSpan DefaultRefresh = TimeSpan.FromMinutes(5);

    /// <summary>One fetch's deadline (rippled: 30 s).</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);

    private readonly ValidatorTracker _tracker;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly Site[] _sites;

    /// <summary>Prepares the fetchers; <see cref="Start"/> begins them.</summary>
    public ValidatorSites(IReadOnlyList<string> sites, ValidatorTracker tracker, X509Certificate2Collection? roots, TimeProvider time, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(sites);
        _tracker = tracker;
        _time = time;
        _log = log;
        _sites = [.. sites.Select(s => new Site(s))];
        var handler = new SocketsHttpHandler { ConnectTimeout = FetchTimeout, AllowAutoRedirect = true, MaxAutomaticRedirections = 3 };
        if (roots is { Count: > 0 })
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Verify(certificate, errors, roots);
        }

        _http = new HttpClient(handler) { Timeout = FetchTimeout, MaxResponseContentBufferSize = MaxBody };
    }

    /// <summary>Each site's last fetch.</summary>
    public IReadOnlyList<SiteView> Views => [.. _sites.Select(s => s.View)];

    /// <summary>Starts one fetch loop per site.</summary>
    public void Start()
    {
        foreach (var site in _sites)
        {
            _loops.Add(Task.Run(() => LoopAsync(site)));
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _http.Dispose();
        _stop.Dispose();
    }

    private static bool Verify(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    }

    private async Task LoopAsync(Site site)
    {
        while (!_stop.IsCancellationRequested)
        {
            var refresh = await FetchAsync(site).ConfigureAwait(false);
            site.Next = _time.GetUtcNow() + refresh;
            try
            {
                await Task.Delay(refresh, _time, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<TimeSpan> FetchAsync(Site site)
    {
        var refresh = DefaultRefresh;
        string status;
        string? message = null;
        try
        {
            byte[] body;
            var uri = new Uri(site.Uri);
            if (uri.IsFile)
            {
                body = await File.ReadAllBytesAsync(uri.LocalPath, _stop.Token).ConfigureAwait(false);
            }
            else
            {
                using var response = await _http.GetAsync(uri, _stop.Token).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"HTTP {(int)response.StatusCode}");
                }

                body = await response.Content.ReadAsByteArrayAsync(_stop.Token).ConfigureAwait(false);
            }

            var envelope = ListEnvelope.TryParseJson(body, out var error);
            if (envelope is null)
            {
                status = "invalid";
                message = error;
            }
            else
            {
                status = _tracker.ApplyList(envelope, site.Uri).Best.ToWire();
                if (System.Text.Json.Nodes.JsonNode.Parse(body)?["refresh_interval"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<int>(out var minutes))
                {
                    refresh = TimeSpan.FromMinutes(Math.Clamp(minutes, 1, 1440));
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or UriFormatException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            if (_stop.IsCancellationRequested)
            {
                return refresh;
            }

            status = "invalid";
            message = e.Message;
            ValidatorLog.SiteFailed(_log, site.Uri, e.Message);
        }

        site.View = new SiteView(site.Uri, status, message, _time.GetUtcNow(), (int)refresh.TotalMinutes, _time.GetUtcNow() + refresh);
        return refresh;
    }

    private sealed class Site(string uri)
    {
        public string Uri { get; } = uri;

        public DateTimeOffset Next { get; set; }

        public SiteView View { get; set; } = new(uri, null, null, null, (int)DefaultRefresh.TotalMinutes, null);
    }
}

/// <summary>A site's last fetch, as <c>validator_list_sites</c> shows it.</summary>
/// <param name="Uri">The site.</param>
/// <param name="LastStatus">The last fetch's disposition (<c>accepted</c>, <c>same_sequence</c>, … or <c>invalid</c>), null before the first.</param>
/// <param name="LastMessage">Why the last fetch failed, if it did.</param>
/// <param name="LastTime">When it ran.</param>
/// <param name="RefreshMinutes">The refresh interval.</param>
/// <param name="NextTime">When the next fetch is due.</param>
public sealed record SiteView(string Uri, string? LastStatus, string? LastMessage, DateTimeOffset? LastTime, int RefreshMinutes, DateTimeOffset? NextTime);
