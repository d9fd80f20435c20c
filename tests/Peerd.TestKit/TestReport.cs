using Peerd.TestKit.Fuzzing;
using Xunit.Abstractions;

namespace Peerd.TestKit;

/// <summary>
/// Lines a test reports for docs/RELIABILITY.md (counts, memory): written to the test output and, when
/// <c>PEERD_FUZZ_REPORT</c> names a file, appended there too.
/// </summary>
public static class TestReport
{
    private static readonly Lock FileLock = new();

    /// <summary>Reports one line.</summary>
    public static void Line(ITestOutputHelper? output, string line)
    {
        output?.WriteLine(line);
        if (FuzzBudget.ReportPath is { } path)
        {
            lock (FileLock)
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
        }
    }
}
