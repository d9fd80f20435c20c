using System.Security.Cryptography;
using Peerd.Fuzz;
using Peerd.Primitives;

// Peerd.Fuzz list                      the target names
// Peerd.Fuzz seeds TARGET DIR          writes the target's seed inputs into DIR (the first corpus)
// Peerd.Fuzz run TARGET                the afl-fuzz loop over the target (SharpFuzz's fork server)
// Peerd.Fuzz replay TARGET FILE...     runs each file once; exit 1 and the exception when one crashes
if (args is ["list"])
{
    foreach (var target in FuzzTargets.All)
    {
        Console.WriteLine($"{target.Name}\t{target.Describe}");
    }

    return 0;
}

// Under afl-fuzz the instrumented assemblies may run only inside SharpFuzz's loop (their coverage counters live in
// the fuzzer's shared memory, which the loop maps): the target, whose static state calls into them, is found there.
// The loop runs in a child process, so a hang that afl-fuzz kills, or a crash no handler can catch (a stack
// overflow), is reported as such instead of ending the whole run ("unable to communicate with fork server").
if (args is ["run", var name])
{
    FuzzTarget? target = null;
    SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
    {
        target ??= FuzzTargets.Find(name) ?? throw new ArgumentException($"no fuzz target named {name}");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target.Run(buffer.ToArray());
    });
    return 0;
}

if (args.Length < 2 || FuzzTargets.Find(args[1]) is not { } chosen)
{
    Console.Error.WriteLine("usage: Peerd.Fuzz list | seeds TARGET DIR | run TARGET | replay TARGET FILE...");
    Console.Error.WriteLine("targets: " + string.Join(' ', FuzzTargets.All.Select(t => t.Name)));
    return 2;
}

switch (args[0])
{
    case "seeds" when args.Length == 3:
        Directory.CreateDirectory(args[2]);
        foreach (var seed in chosen.Seeds())
        {
            File.WriteAllBytes(Path.Combine(args[2], "seed-" + Hex.Encode(SHA256.HashData(seed).AsSpan(0, 8))), seed);
        }

        return 0;
    case "replay" when args.Length >= 3:
        var failed = 0;
        foreach (var file in args[2..])
        {
            try
            {
                chosen.Run(File.ReadAllBytes(file));
            }
            catch (Exception e)
            {
                failed++;
                Console.WriteLine($"{file}: {e.GetType().Name}: {e.Message}");
                Console.WriteLine(e.StackTrace);
            }
        }

        return failed == 0 ? 0 : 1;
    default:
        Console.Error.WriteLine("usage: Peerd.Fuzz list | seeds TARGET DIR | run TARGET | replay TARGET FILE...");
        return 2;
}
