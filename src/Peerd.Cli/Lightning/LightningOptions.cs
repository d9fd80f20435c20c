using Peerd.Cli.Output;

namespace Peerd.Cli.Lightning;

/// <summary>How parameters are sent: <c>lightning-cli</c>'s <c>-k</c>/<c>-o</c> or its autodetection.</summary>
public enum InputMode
{
    /// <summary>Keyword mode if the first parameter contains <c>=</c>, positional otherwise.</summary>
    Autodetect,

    /// <summary><c>-k</c>: every parameter is <c>key=value</c>.</summary>
    Keywords,

    /// <summary><c>-o</c>: parameters in order.</summary>
    Ordered,
}

/// <summary>The parsed command line of the Lightning mode.</summary>
public sealed class LightningOptions
{
    /// <summary>The data directory (<c>--lightning-dir</c>, default <c>~/.peerd</c>).</summary>
    public string LightningDir { get; set; } = string.Empty;

    /// <summary>True when <see cref="LightningDir"/> came from the command line.</summary>
    public bool LightningDirGiven { get; set; }

    /// <summary>The network (<c>--network</c> or a shortcut), null when not given.</summary>
    public string? Network { get; set; }

    /// <summary>The socket (<c>--rpc-file</c>), null when not given.</summary>
    public string? RpcFile { get; set; }

    /// <summary>A config file (<c>--conf</c>), null for <c>&lt;lightning-dir&gt;/config</c>.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>The output format.</summary>
    public OutputFormat Format { get; set; } = OutputFormat.Default;

    /// <summary>The input mode.</summary>
    public InputMode Input { get; set; } = InputMode.Autodetect;

    /// <summary>A reply filter (<c>-l</c>), sent raw as the request's <c>filter</c>.</summary>
    public string? Filter { get; set; }

    /// <summary>Notification level (<c>-N</c>); null or <c>none</c> means notifications are not requested.</summary>
    public string? Notifications { get; set; }

    /// <summary><c>--help</c> was given.</summary>
    public bool ShowHelp { get; set; }

    /// <summary><c>--version</c> was given.</summary>
    public bool ShowVersion { get; set; }

    /// <summary>The method and its parameters (everything that is not an option).</summary>
    public List<string> Arguments { get; } = [];
}
