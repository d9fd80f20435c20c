using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Peerd.Xrpl.Tests.Support;

/// <summary>
/// Runs one of the Node.js scripts in tests/interop/xrpl as a child process and reads its JSON-lines output. The
/// process is killed (with its children) on dispose.
/// </summary>
public sealed class NodeScript : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonObject> _events = Channel.CreateUnbounded<JsonObject>();
    private readonly List<string> _stderr = [];

    private NodeScript(Process process)
    {
        _process = process;
    }

    /// <summary>tests/interop, found from the test assembly's directory.</summary>
    public static string InteropDirectory { get; } = RepoPaths.Interop;

    public static NodeScript Start(string script, params string[] arguments)
    {
        var modules = Path.Combine(InteropDirectory, "node_modules", "xrpl");
        Assert.True(Directory.Exists(modules), $"npm packages missing: run `npm ci` in {InteropDirectory} (scripts/deps.sh test does it)");
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(InteropDirectory, "xrpl"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var script_ = new NodeScript(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                script_._events.Writer.TryComplete();
            }
            else if (e.Data.StartsWith('{'))
            {
                script_._events.Writer.TryWrite(JsonNode.Parse(e.Data)!.AsObject());
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (script_._stderr)
                {
                    script_._stderr.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return script_;
    }

    /// <summary>The next output object that satisfies <paramref name="match"/> (others are skipped).</summary>
    public async Task<JsonObject> NextAsync(Func<JsonObject, bool> match, string what, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (await _events.Reader.WaitToReadAsync(timeout.Token))
            {
                while (_events.Reader.TryRead(out var item))
                {
                    if (match(item))
                    {
                        return item;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        string errors;
        lock (_stderr)
        {
            errors = string.Join("\n", _stderr);
        }

        Assert.Fail($"node script never printed {what}; stderr: {errors}");
        return null!;
    }

    public Task<JsonObject> EventAsync(string name) => NextAsync(e => (string?)e["event"] == name, $"event '{name}'");

    /// <summary>Waits for the script to finish by itself.</summary>
    public async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
