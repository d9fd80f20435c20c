using System.Net;
using Peerd.Xrpl.Hosting;
using Peerd.Xrpl.Overlay;
using Peerd.Xrpl.Protocol.Identity;

namespace Peerd.Xrpl.Admin;

/// <summary>What admin methods may look at and act on.</summary>
internal sealed class AdminContext(XrplOptions options, XrplOverlay overlay, TimeProvider time, string version, Action<string> requestStop)
{
    private readonly long _started = time.GetTimestamp();

    public XrplOptions Options { get; } = options;

    public XrplOverlay Overlay { get; } = overlay;

    public NodeIdentity Identity => Overlay.Identity;

    public TimeProvider Time { get; } = time;

    /// <summary>Our version, e.g. <c>0.1.0</c> (<c>build_version</c>).</summary>
    public string Version { get; } = version;

    /// <summary>The validator tracker.</summary>
    public Validators.ValidatorTracker? Tracker { get; init; }

    /// <summary>The admin port, once bound.</summary>
    public IPEndPoint? AdminEndpoint { get; set; }

    public TimeSpan Uptime => Time.GetElapsedTime(_started);

    public void RequestStop(string reason) => requestStop(reason);
}
