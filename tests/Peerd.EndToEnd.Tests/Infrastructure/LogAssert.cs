namespace Peerd.EndToEnd.Tests.Infrastructure;

/// <summary>Waits for a line in the daemon's log file (logs are flushed per line).</summary>
public static class LogAssert
{
    /// <summary>Returns the first log line containing every fragment; fails at the deadline.</summary>
    public static async Task<string> ContainsAsync(PeerdProcess daemon, params string[] fragments)
    {
        var deadline = DateTime.UtcNow + ChildProcess.Deadline;
        while (true)
        {
            foreach (var line in daemon.ReadLog().Split('\n'))
            {
                if (fragments.All(f => line.Contains(f, StringComparison.Ordinal)))
                {
                    return line;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"no log line with [{string.Join(", ", fragments)}]:\n{daemon.ReadLog()}");
            }

            await Task.Delay(20);
        }
    }
}
