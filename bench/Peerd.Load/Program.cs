namespace Peerd.Load;

/// <summary>The end-to-end load tool: drives a running daemon over loopback and prints one table.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("peerd-load: see bench/README.md");
        return args.Length == 0 ? 3 : 3;
    }
}
