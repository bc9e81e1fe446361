namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// A JSON body of literal <c>null</c> deserializes to no command at all; every endpoint would have to guard against it.
/// One check here answers 400 for all of them instead.
/// </summary>
public static class NullBodies
{
    public static void UseNullBodyRefusal(this WebApplication app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.ContentLength is > 0 and <= 32 && request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            request.Body.Position = 0;
            if (body.Trim() == "null")
            {
                await ErrorResponses.Write(context, StatusCodes.Status400BadRequest, "Bad request",
                    "The body is null; send a JSON object with the fields this endpoint takes.");
                return;
            }
        }
        await next();
    });
}
