using System.Buffers;
using System.IO.Pipelines;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// A JSON body of literal <c>null</c> deserializes to no command at all; every endpoint would have to guard against it.
/// One check here answers 400 for all of them instead. It peeks at the body without consuming it, and usually decides
/// on its first byte: only a body that starts with "n" once blanks are skipped is read to its end (at most 4 KB).
/// </summary>
public static class NullBodies
{
    private const int Peek = 4096;

    public static void UseNullBodyRefusal(this WebApplication app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.ContentLength is not 0 && request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true
            && await IsNull(request, context.RequestAborted))
        {
            await ErrorResponses.Write(context, StatusCodes.Status400BadRequest,
                "The body is null; send a JSON object with the fields this endpoint takes.");
            return;
        }
        await next();
    });

    private static async Task<bool> IsNull(HttpRequest request, CancellationToken ct)
    {
        var body = request.BodyReader;
        // What was peeked stays in the reader; not every server's body stream shares it (a test server's doesn't).
        request.Body = body.AsStream(leaveOpen: true);
        while (true)
        {
            var read = await body.ReadAsync(ct);
            var buffer = read.Buffer;
            var verdict = Judge(buffer, read.IsCompleted);
            body.AdvanceTo(buffer.Start, buffer.End); // examined, not consumed: the endpoint reads it all again
            if (verdict is { } isNull) return isNull;
        }
    }

    // True or false once the bytes so far decide it; null while a body starting with "n" may still turn out to be "null".
    private static bool? Judge(ReadOnlySequence<byte> buffer, bool complete)
    {
        if (buffer.Length > Peek) return false; // never hold more than this before authentication
        var reader = new SequenceReader<byte>(buffer);
        reader.AdvancePastAny((byte)' ', (byte)'\t', (byte)'\r', (byte)'\n');
        if (reader.End) return complete ? false : null;
        if (!reader.IsNext((byte)'n')) return false;
        if (!complete) return null;
        if (!reader.IsNext("null"u8, advancePast: true)) return false;
        reader.AdvancePastAny((byte)' ', (byte)'\t', (byte)'\r', (byte)'\n');
        return reader.End;
    }
}
