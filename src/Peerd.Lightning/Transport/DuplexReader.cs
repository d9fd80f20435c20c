using System.Buffers;
using System.IO.Pipelines;

namespace Peerd.Lightning.Transport;

/// <summary>Reads exactly N bytes from a pipe (for handshake acts), mapping EOF to a <see cref="ConnectFailedException"/>.</summary>
internal static class DuplexReader
{
    public static async ValueTask ReadExactlyAsync(PipeReader reader, Memory<byte> destination, string stage, string eofReason, CancellationToken cancellationToken)
    {
        var result = await reader.ReadAtLeastAsync(destination.Length, cancellationToken).ConfigureAwait(false);
        var buffer = result.Buffer;
        if (buffer.Length < destination.Length)
        {
            reader.AdvanceTo(buffer.Start, buffer.End);
            throw new ConnectFailedException(stage, eofReason);
        }

        var slice = buffer.Slice(0, destination.Length);
        slice.CopyTo(destination.Span);
        reader.AdvanceTo(slice.End);
    }
}
