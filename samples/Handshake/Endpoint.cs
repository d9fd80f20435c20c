using System.Globalization;

namespace Peerd.Samples.Handshake;

/// <summary><c>host:port</c> and <c>[v6]:port</c>.</summary>
internal static class Endpoint
{
    public static (string Host, int Port) Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
        {
            throw new HandshakeFailedException($"expected host:port, not '{text}'");
        }

        return (text[..colon].Trim('[', ']'), port);
    }
}
