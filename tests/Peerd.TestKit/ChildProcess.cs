using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Peerd.TestKit;

/// <summary>
/// A child process whose stdout is read as lines (JSON events for the interop peers) with a deadline on every wait,
/// and which is killed (with its whole tree) on dispose, so no test leaves a process behind.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    /// <summary>The deadline of every wait in the tests: generous, never asserted as a timing.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _stderr = [];

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.Add(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote on stderr so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return string.Join('\n', _stderr);
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/>.</summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        return new ChildProcess(Process.Start(info)!);
    }

    /// <summary>Writes a line to the process's stdin.</summary>
    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Reads stdout lines until one satisfies <paramref name="match"/>; fails the test at the deadline.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what)
    {
        using var cts = new CancellationTokenSource(Deadline);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
                if (match(line))
                {
                    return line;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            throw new TimeoutException($"no {what} within {Deadline.TotalSeconds} s (exited: {_process.HasExited}); stderr:\n{StandardError}");
        }
    }

    /// <summary>Waits for a JSON event line whose <c>event</c> member is <paramref name="name"/>.</summary>
    public async Task<JsonObject> WaitForEventAsync(string name)
    {
        var line = await WaitForLineAsync(l => l.StartsWith('{') && JsonNode.Parse(l)?["event"]?.GetValue<string>() == name, $"'{name}' event").ConfigureAwait(false);
        return JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>Waits for the process to exit; returns its exit code.</summary>
    public Task<int> WaitForExitAsync() => WaitForExitAsync(Deadline);

    /// <summary>Waits for the process to exit within <paramref name="deadline"/> (for builds, which take longer than <see cref="Deadline"/>).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var cts = new CancellationTokenSource(deadline);
        await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>Sends a POSIX signal (SIGTERM = 15, SIGKILL = 9).</summary>
    public void Signal(int signal)
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, signal);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
