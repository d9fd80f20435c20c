using System.Text;
using Peerd.Cli.Output;

namespace Peerd.Cli;

/// <summary>
/// Everything <c>peerd-cli</c> takes from its process: output streams, the home directory and the process id. Tests
/// pass their own; <see cref="Process"/> is the real one. Output is written as UTF-8 bytes, with no console
/// encoding machinery to start up.
/// </summary>
public sealed class CliConsole
{
    /// <summary>Creates a console over the given streams.</summary>
    public CliConsole(Stream stdout, Stream stderr, string homeDirectory, int processId)
    {
        Stdout = stdout;
        Stderr = stderr;
        HomeDirectory = homeDirectory;
        ProcessId = processId;
    }

    /// <summary>Standard output.</summary>
    public Stream Stdout { get; }

    /// <summary>Standard error.</summary>
    public Stream Stderr { get; }

    /// <summary>The user's home directory, for the default <c>~/.peerd</c>.</summary>
    public string HomeDirectory { get; }

    /// <summary>The process id, part of each request id (<c>cli:getinfo#1234</c>).</summary>
    public int ProcessId { get; }

    /// <summary>
    /// The real process console: descriptors 1 and 2 written with <c>write(2)</c> (<see cref="DescriptorStream"/>), not
    /// through <see cref="System.Console"/>, whose first write initialises the terminal on every call of the client.
    /// </summary>
    public static CliConsole Process() => new(
        DescriptorStream.Open(1),
        DescriptorStream.Open(2),
        Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        Environment.ProcessId);

    /// <summary>Writes text to standard output.</summary>
    public void Out(string text) => Write(Stdout, text);

    /// <summary>Writes bytes to standard output.</summary>
    public void Out(ReadOnlySpan<byte> bytes) => Stdout.Write(bytes);

    /// <summary>Writes <c>peerd-cli: &lt;message&gt;</c> and a newline to standard error, as <c>err(3)</c> does.</summary>
    public void Error(string message) => Write(Stderr, $"peerd-cli: {message}\n");

    private static void Write(Stream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        stream.Write(bytes);
    }
}
