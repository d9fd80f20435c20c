namespace Peerd.Xrpl.Hosting;

/// <summary>
/// One <c>xrpl-*</c> option as the daemon's option table holds it: its name, whether it takes a value, its
/// <c>--help</c> line, and (inside this assembly) how its value is read into <see cref="XrplOptions"/>.
/// </summary>
public sealed class XrplOption
{
    internal XrplOption(string name, bool takesValue, string help, Func<XrplOptions.Builder, string?, string?> apply)
    {
        Name = name;
        TakesValue = takesValue;
        Help = help;
        Apply = apply;
    }

    /// <summary>The name without dashes, as written in the config file.</summary>
    public string Name { get; }

    /// <summary>False for flags (<c>--xrpl-standalone</c>); flags may still be written <c>name=true|false</c>.</summary>
    public bool TakesValue { get; }

    /// <summary>The line shown by <c>--help</c>.</summary>
    public string Help { get; }

    /// <summary>Reads a value into the options being built: null when it is good, else the message for the user.</summary>
    internal Func<XrplOptions.Builder, string?, string?> Apply { get; }
}
