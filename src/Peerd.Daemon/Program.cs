namespace Peerd.Daemon;

/// <summary>The composition root of the <c>peerd</c> daemon.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        Peerd.Crypto.Secp256k1.EnsureAvailable();
        Console.Error.WriteLine("peerd: the node is being assembled; see README.md");
        return args.Length == 0 ? 1 : 1;
    }
}
