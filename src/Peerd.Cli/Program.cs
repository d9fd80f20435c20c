namespace Peerd.Cli;

/// <summary>Entry point of <c>peerd-cli</c>.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("peerd-cli: not yet wired");
        return args.Length == 0 ? 3 : 3;
    }
}
