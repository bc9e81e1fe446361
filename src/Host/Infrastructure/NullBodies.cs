namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// A JSON body of literal <c>null</c> deserializes to no command at all; every endpoint would have to guard against it.
/// One check here answers 400 for all of them instead. Any JSON body counts, chunked or padded: only its first bytes
/// are read, since a body that is "null" is short once blanks are skipped.
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
            await ErrorResponses.Write(context, StatusCodes.Status400BadRequest, "Bad request",
                "The body is null; send a JSON object with the fields this endpoint takes.");
            return;
        }
        await next();
    });

    private static async Task<bool> IsNull(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        var buffer = new char[Peek];
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        request.Body.Position = 0;
        if (read == Peek) return false; // a long body is not "null" unless it is mostly blanks; the endpoint will say
        return new string(buffer, 0, read).Trim() == "null";
    }
}
