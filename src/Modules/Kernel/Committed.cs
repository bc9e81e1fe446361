using System.Reflection;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Holded.Partners.Kernel;

/// <summary>
/// An answer read after the command's transaction has committed, for a write whose answer is not its aggregate (a view,
/// or the aggregate with what the GET adds to it). Wolverine executes an endpoint's <see cref="IResult"/> after it has
/// saved the session and flushed the outbox, so the body is what was committed, timestamps included (the events'), and
/// read by the same function the GET answers with: the write's body and the next GET's agree.
/// </summary>
public sealed class Committed<T>(Func<IQuerySession, CancellationToken, Task<T>> read) : IResult, IEndpointMetadataProvider
{
    /// <summary>The API's description names the body's type, as for an endpoint that returns it.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));

    public async Task ExecuteAsync(HttpContext http)
    {
        await using var session = http.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        await Results.Ok(await read(session, http.RequestAborted)).ExecuteAsync(http);
    }
}

public static class Committed
{
    public static Committed<T> Read<T>(Func<IQuerySession, CancellationToken, Task<T>> read) => new(read);
}
