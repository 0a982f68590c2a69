using System.Buffers;

namespace AltoGateway.Alto.Client.Http;

/// <summary>Reads a response body up to a limit, so that no server can make the client hold more than it allows.</summary>
internal static class BoundedBodyReader
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (by Content-Length or as read).</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var limit = Math.Min(maxBytes, Array.MaxLength - ChunkBytes);
        var declared = content.Headers.ContentLength;
        if (declared > limit)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Max(declared ?? 0, 256));
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.GetMemory(ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    return null;
                }
            }
        }

        return buffer.WrittenMemory;
    }
}
