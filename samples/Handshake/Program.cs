// A program that uses the Peerd packages to shake hands with a running node, as any .NET peer would:
//
//   dotnet run -- lightning <node-id>@<host>:<port> [network]   BOLT 8 handshake, then init both ways (default regtest)
//   dotnet run -- xrpl <host>:<port> [network-id]               TLS, HTTP upgrade, session signature verification
//
// Prints one line describing the peer and exits 0 when the handshake completed; 1 with the reason otherwise.
using Peerd.Samples.Handshake;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: lightning <node-id>@<host>:<port> [network] | xrpl <host>:<port> [network-id]");
    return 2;
}

// Every network wait below shares this deadline.
using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
try
{
    var summary = args[0] switch
    {
        "lightning" => await LightningHandshake.RunAsync(args[1], args.Length > 2 ? args[2] : "regtest", deadline.Token),
        "xrpl" => await XrplHandshake.RunAsync(args[1], args.Length > 2 ? uint.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : null, deadline.Token),
        _ => throw new HandshakeFailedException($"unknown network '{args[0]}' (lightning or xrpl)"),
    };
    Console.WriteLine(summary);
    return 0;
}
catch (Exception e) when (e is HandshakeFailedException or IOException or System.Net.Sockets.SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
{
    Console.Error.WriteLine($"handshake failed: {e.Message}");
    return 1;
}
