namespace Peerd.Cli.Output;

/// <summary><c>lightning-cli</c>'s output formats.</summary>
public enum OutputFormat
{
    /// <summary>Not chosen: <c>help</c> lists commands, results carrying <c>"format-hint":"simple"</c> print as human text, others as JSON.</summary>
    Default,

    /// <summary><c>-J</c>: JSON indented by 3 spaces, tokens printed as received.</summary>
    Json,

    /// <summary><c>-H</c>: values only, one per line; objects as <c>key=value</c>.</summary>
    Human,

    /// <summary><c>-F</c>: <c>path.to[0].key=value</c> lines.</summary>
    Flat,

    /// <summary><c>-R</c>: the result exactly as received.</summary>
    Raw,

    /// <summary>The command list of <c>help</c> without arguments.</summary>
    HelpList,
}
