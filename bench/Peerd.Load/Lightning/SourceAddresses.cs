using System.Net;

namespace Peerd.Load.Lightning;

/// <summary>
/// Source addresses 127.0.0.2 … 127.0.0.N handed out round-robin, so many connections to one listener do not share
/// one address's ephemeral ports (28,232 of them, fewer while closed ones sit in TIME_WAIT).
/// </summary>
internal sealed class SourceAddresses(int count)
{
    private readonly IPAddress[] _addresses = [.. Enumerable.Range(2, count).Select(i => new IPAddress(new byte[] { 127, 0, (byte)(i >> 8), (byte)i }))];
    private int _next = -1;

    /// <summary>How many addresses are used.</summary>
    public int Count => _addresses.Length;

    /// <summary>The next address.</summary>
    public IPAddress Next() => _addresses[(int)((uint)Interlocked.Increment(ref _next) % (uint)_addresses.Length)];
}
