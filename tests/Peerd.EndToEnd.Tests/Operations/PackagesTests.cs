using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Peerd.EndToEnd.Tests.Infrastructure;

namespace Peerd.EndToEnd.Tests.Operations;

/// <summary>
/// The libraries as a .NET developer gets them: <c>scripts/pack.sh</c> packs them into a folder feed, the sample
/// program (samples/Handshake, its own project and nuget.config) builds against that feed alone, and completes a
/// BOLT 8 handshake with <c>init</c>, and an XRPL peer handshake, with a real daemon.
/// </summary>
public sealed partial class PackagesTests
{
    private static readonly string[] Packages = ["Peerd.Primitives", "Peerd.Crypto", "Peerd.Lightning.Protocol", "Peerd.Xrpl.Protocol"];

    private static readonly TimeSpan BuildDeadline = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task TheSampleBuiltFromThePackedLibrariesCompletesHandshakesOnBothNetworks()
    {
        var root = Path.Combine(Path.GetTempPath(), "peerd-packages-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            // The sample and its feed keep their places relative to each other (nuget.config names ../../dist/nuget).
            var sample = Path.Combine(root, "samples", "Handshake");
            CopySample(Path.Combine(RepoPaths.Root, "samples"), Path.Combine(root, "samples"));
            var feed = Path.Combine(root, "dist", "nuget");
            await RunAsync(Path.Combine(RepoPaths.Root, "scripts", "pack.sh"), [feed], BuildEnvironment.Create());
            foreach (var package in Packages)
            {
                AssertPackage(Path.Combine(feed, $"{package}.0.1.0.nupkg"), package);
                Assert.True(File.Exists(Path.Combine(feed, $"{package}.0.1.0.snupkg")), $"no symbols package for {package}");
            }

            // A fresh package cache: a version NuGet has cached is never read from the feed again.
            var environment = BuildEnvironment.Create();
            environment["NUGET_PACKAGES"] = Path.Combine(root, "nuget-cache");
            await RunAsync("dotnet", ["build", sample, "-c", "Release", "--nologo", "-v", "q"], environment);
            var program = Path.Combine(sample, "bin", "Release", "net10.0", "Peerd.Samples.Handshake.dll");

            await using var daemon = await PeerdProcess.StartAsync(extraArguments: XrplDaemon.Arguments);
            var (xrplKey, peerPort, _) = await XrplDaemon.EndpointsAsync(daemon);

            var lightning = await RunAsync("dotnet", [program, "lightning", $"{daemon.NodeId}@127.0.0.1:{daemon.Port}", "regtest"]);
            var lightningLine = LightningLine().Match(lightning);
            Assert.True(lightningLine.Success, lightning);
            Assert.Equal(daemon.NodeId, lightningLine.Groups["peer"].Value);
            var xrpl = await RunAsync("dotnet", [program, "xrpl", $"127.0.0.1:{peerPort}"]);
            var xrplLine = XrplLine().Match(xrpl);
            Assert.True(xrplLine.Success, xrpl);
            Assert.Equal(xrplKey, xrplLine.Groups["peer"].Value);

            // The daemon, for its part, saw both complete their handshakes, as the identities the sample used.
            await LogAssert.ContainsAsync(daemon, $"Peer {lightningLine.Groups["us"].Value} connected");
            await LogAssert.ContainsAsync(daemon, "XRPL inbound #", $"connected to {xrplLine.Groups["us"].Value}");
            Assert.DoesNotContain(" BROKEN ", daemon.ReadLog(), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>The package holds the assembly, its XML docs, a README and a description.</summary>
    private static void AssertPackage(string path, string id)
    {
        using var zip = ZipFile.OpenRead(path);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains($"lib/net10.0/{id}.dll", names);
        Assert.Contains($"lib/net10.0/{id}.xml", names);
        Assert.Contains("README.md", names);
        using var nuspec = zip.GetEntry($"{id}.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
        Assert.True(metadata.Elements().Single(e => e.Name.LocalName == "description").Value.Length > 40, $"{id} has no description");

        // Deterministic and free of this machine's paths: neither the sources' nor the build folder's path is in it.
        using var assembly = new MemoryStream();
        using (var entry = zip.GetEntry($"lib/net10.0/{id}.dll")!.Open())
        {
            entry.CopyTo(assembly);
        }

        var bytes = assembly.ToArray();
        foreach (var machinePath in new[] { RepoPaths.Root, Path.GetTempPath().TrimEnd('/') })
        {
            Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(machinePath)) < 0, $"{id}.dll holds the path {machinePath}");
        }
    }

    private static void CopySample(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    /// <summary>Runs a command to its end; returns its output; fails with its errors when it exits non-zero.</summary>
    private static async Task<string> RunAsync(string command, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        await using var process = ChildProcess.Start(command, arguments, environment: environment);
        var output = new List<string>();
        var collect = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    output.Add(await process.WaitForLineAsync(_ => true, "output"));
                }
            }
            catch (TimeoutException)
            {
                // The output ended (or stayed silent for a while: the exit below has its own deadline).
            }
        });
        var exit = await process.WaitForExitAsync(BuildDeadline);
        await collect;
        var text = string.Join('\n', output);
        Assert.True(exit == 0, $"{command} {string.Join(' ', arguments)} exited {exit}:\n{text}\n{process.StandardError}");
        return text;
    }

    [GeneratedRegex("^lightning: handshake and init complete with (?<peer>[0-9a-f]{66}) as (?<us>[0-9a-f]{66}): features [0-9a-f]+$", RegexOptions.Multiline)]
    private static partial Regex LightningLine();

    [GeneratedRegex(@"^xrpl: handshake complete with (?<peer>n\w+) as (?<us>n\w+) \(XRPL/2\.\d+, peerd-", RegexOptions.Multiline)]
    private static partial Regex XrplLine();
}
