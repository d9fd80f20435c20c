using Peerd.Daemon.Configuration;
using Peerd.Xrpl.Hosting;

namespace Peerd.Daemon.Tests.Configuration;

/// <summary>
/// Every option of <c>peerd</c> (its own and the <c>xrpl-*</c> ones) with an empty, a missing, a malformed and an
/// out-of-range value: reading the options either accepts the value or refuses it with an
/// <see cref="OptionException"/> (one line, exit code 1 from <c>Program</c>); the XRPL options, checked when the node
/// starts, are refused with a message. No other exception, which would reach the user as a stack trace.
/// </summary>
public sealed class OptionWalkTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("peerd-walk-").FullName;

    public static TheoryData<string, string?> Cases()
    {
        var data = new TheoryData<string, string?>();
        var names = OptionSpec.All.Select(o => o.Name);
        foreach (var name in names)
        {
            foreach (var value in new[] { "", null, "x!y\u0001", "/a\0b", "-1", "99999999999", "0", new string('9', 400) })
            {
                data.Add(name, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryValueIsAcceptedOrRefusedWithAMessage(string name, string? value)
    {
        string[] args = [$"--lightning-dir={_home}", value is null ? $"--{name}" : $"--{name}={value}"];
        DaemonOptions options;
        try
        {
            options = DaemonOptions.Load(args, _home);
        }
        catch (OptionException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            Assert.DoesNotContain('\n', e.Message);
            return;
        }

        if (!XrplOptions.TryParse(options.XrplOptions, out _, out var error))
        {
            Assert.False(string.IsNullOrWhiteSpace(error));
        }
    }

    [Theory]
    [InlineData("lightning-dir")]
    [InlineData("conf")]
    [InlineData("log-file")]
    [InlineData("rpc-file")]
    public void AnEmptyPathIsRefused(string name)
    {
        var e = Assert.Throws<OptionException>(() => DaemonOptions.Load([$"--{name}="], _home));
        Assert.Equal($"{name}: expected a path, got an empty value", e.Message);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
