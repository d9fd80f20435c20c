using System.Text;
using System.Text.Json;
using Peerd.Cli.Json;
using Peerd.Cli.Lightning;
using Peerd.Cli.Output;
using Peerd.Cli.Xrpl;
using Peerd.TestKit.Fuzzing;
using Xunit.Abstractions;

namespace Peerd.Cli.Tests.Lightning;

/// <summary>
/// Mutated command lines through the CLI's parsers: <c>lightning-cli</c>-style options, the request builder (every
/// request it would send must be one JSON object), the <c>xrpl</c> subcommands, and the reader of the daemon's replies. Each
/// ends in a parsed value or a usage error, never an exception. Input bytes are split at NUL into arguments.
/// </summary>
public class ArgumentMutationTests(ITestOutputHelper output)
{
    private static readonly byte[][] Corpus =
    [
        .. new[]
        {
            "-k\0connect\0id=02aa@127.0.0.1:9735\0port=9735",
            "--network=regtest\0--lightning-dir\0/tmp/x\0listpeers\0--\0-1",
            "-H\0-o\0getinfo",
            "--filter={\"id\":true}\0listnodes\0[\"02aa\"]",
            "-J\0--rpc-file=/tmp/sock\0disconnect\0{\"id\":1}\0true",
            "xrpl\0connect\0127.0.0.1\02459",
            "xrpl\0server_info",
            "xrpl\0peers",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    [Fact]
    public void MutatedCommandLinesAreParsedOrRefusedWithAUsageError()
    {
        Fuzzer.Run(new FuzzTarget("CLI arguments", Corpus, Parse) { Inputs = 20_000, AllocationBase = 64 * 1024, AllocationPerByte = 64, MaxLength = 2048 }, output);
    }

    [Fact]
    public void MutatedDaemonRepliesAreReadOrRefusedAsJson()
    {
        byte[][] replies =
        [
            """{"jsonrpc":"2.0","id":"cli:getinfo#1","result":{"id":"02aa","binding":[{"type":"ipv4","address":"127.0.0.1","port":9735}],"num_peers":0}}"""u8.ToArray(),
            """{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Unknown command 'x'"}}"""u8.ToArray(),
            """{"result":{"info":{"build_version":"peerd-0.1.0","peers":0},"status":"success"}}"""u8.ToArray(),
        ];
        Fuzzer.Run(
            new FuzzTarget("CLI reply reader", replies, input =>
            {
                try
                {
                    _ = RawNode.Parse(input);
                    return FuzzVerdict.Decoded;
                }
                catch (FormatException)
                {
                    return FuzzVerdict.Rejected;
                }
            }) { Inputs = 10_000, AllocationBase = 96 * 1024, AllocationPerByte = 64 },
            output);
    }

    private static FuzzVerdict Parse(byte[] input)
    {
        var args = Encoding.UTF8.GetString(input).Split('\0');
        if (args[0] == "xrpl")
        {
            if (args.Length < 2)
            {
                return FuzzVerdict.Rejected;
            }

            var request = XrplCommands.TryParse(args[1], args[2..], out var error);
            Assert.True(request is null != (error is null));
            return request is null ? FuzzVerdict.Rejected : FuzzVerdict.Decoded;
        }

        if (!LightningArguments.TryParse(args, out var options, out var usage))
        {
            Assert.False(string.IsNullOrEmpty(usage));
            return FuzzVerdict.Rejected;
        }

        if (options.Arguments.Count == 0)
        {
            return FuzzVerdict.Decoded;
        }

        if (!RequestBuilder.TryBuild(options.Arguments[0], options.Arguments[1..], options.Input, "cli:fuzz#1", options.Filter, out var text, out var buildError))
        {
            Assert.False(string.IsNullOrEmpty(buildError));
            return FuzzVerdict.Rejected;
        }

        // A literal argument that is not JSON ("{x}") makes a request lightning-cli refuses to send ("Malformed JSON");
        // whatever passes that check must be one JSON object the daemon can split and parse.
        if (!RequestBuilder.IsWellFormed(text))
        {
            return FuzzVerdict.Rejected;
        }

        using var document = JsonDocument.Parse(text);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return FuzzVerdict.Decoded;
    }
}
