using System.Text;
using Peerd.Cli.Json;

namespace Peerd.Cli.Tests.Json;

public class JsonValueScannerTests
{
    private const string Stream =
        "{\"jsonrpc\":\"2.0\",\"method\":\"message\",\"params\":{\"message\":\"a } ] \\\" {\"}}\n\n" +
        "{\"jsonrpc\":\"2.0\",\"id\":\"cli:x#1\",\"result\":{\"list\":[[],[{}]]}}\n\n";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(1000)]
    public void FindsEachValueWhateverTheChunkSize(int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes(Stream);
        var scanner = new JsonValueScanner();
        var values = new List<string>();
        var start = 0;
        for (var available = Math.Min(chunk, bytes.Length); ; available = Math.Min(available + chunk, bytes.Length))
        {
            int end;
            while ((end = scanner.FindEnd(bytes.AsSpan(start, available - start))) >= 0)
            {
                values.Add(Encoding.UTF8.GetString(bytes, start, end).Trim());
                start += end;
            }

            if (available == bytes.Length)
            {
                break;
            }
        }

        Assert.Equal(
            [
                "{\"jsonrpc\":\"2.0\",\"method\":\"message\",\"params\":{\"message\":\"a } ] \\\" {\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"cli:x#1\",\"result\":{\"list\":[[],[{}]]}}",
            ],
            values);
    }

    [Fact]
    public void NeedsMoreDataForAnIncompleteValue()
    {
        Assert.Equal(-1, new JsonValueScanner().FindEnd("  {\"a\":[1,2]"u8));
    }

    [Fact]
    public void EndsATopLevelScalarAtADelimiter()
    {
        var scanner = new JsonValueScanner();

        Assert.Equal(-1, scanner.FindEnd("12"u8));
        Assert.Equal(2, scanner.FindEnd("12 "u8));
        Assert.Equal(4, new JsonValueScanner().FindEnd(" \"x\" "u8));
    }
}
