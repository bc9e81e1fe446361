using System.Text.Json;
using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// Every error a caller sees is problem details (see <see cref="ProblemWriter"/>); a stack trace never leaves the
/// process. An expected refusal (a lost race, a malformed body) is logged as information; only our own failures are errors.
/// </summary>
public static class ErrorResponses
{
    public static void AddPartnersErrors(this IServiceCollection services)
    {
        // Before the framework's own writer, which writes nothing for a caller that does not accept JSON.
        services.AddSingleton<IProblemDetailsWriter, ProblemWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<KnownFailures>();
    }

    public static void UsePartnersErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // The handler below logs what deserves it; the framework would log every refusal as an error.
            SuppressDiagnosticsCallback = c => c.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService && Classify(c.Exception).Status < 500,
        });
        app.UseStatusCodePages();
    }

    public static Task Write(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Kernel.Problems.Status(status, detail),
        }).AsTask();
    }

    /// <summary>
    /// An API address answers JSON (and the audit trail CSV): a caller that accepts neither is told so with a 406, after
    /// its identity was checked, so an anonymous caller is told 401 whatever it accepts.
    /// </summary>
    public static void UseAcceptableResponses(this WebApplication app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && context.GetEndpoint()?.Metadata.GetMetadata<Wolverine.Http.HttpChain>() is not null
            && request.Headers.Accept.Count > 0
            && !MediaTypeHeaderValue.ParseList(request.Headers.Accept).Any(Acceptable))
        {
            await Write(context, StatusCodes.Status406NotAcceptable,
                "This address answers JSON: send Accept: application/json (or text/csv where a trail is exported), or no Accept header.");
            return;
        }
        await next();
    });

    private static bool Acceptable(MediaTypeHeaderValue accepted) =>
        accepted.Quality is not 0 && accepted.MediaType.Value is { } type
        && (type is "*/*" or "application/*" or "application/json" or "application/problem+json" or "text/json" or "text/csv"
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    internal sealed record Failure(int Status, string Detail);

    private const string ConflictDetail = "Someone else changed this at the same time. Read it again and retry.";

    /// <summary>A write that lost a race, however it was detected: the same words as every other 409.</summary>
    public static ProblemDetails Conflict(Exception _) => Kernel.Problems.Status(StatusCodes.Status409Conflict, ConflictDetail);

    internal static Failure Classify(Exception exception) => exception switch
    {
        _ when TransientFailures.IsTransient(exception) => new(503, "The database was briefly unavailable and nothing was stored. Try again in a moment."),
        _ when Kernel.StreamCollisions.Is(exception) => new(409, ConflictDetail),
        ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
            or DocumentAlreadyExistsException or ConcurrentUpdateException or SnapshotRaceException
            or JasperFx.Events.StreamLockedException => new(409, ConflictDetail),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
            or MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => new(409, "Something with the same unique value was stored at the same time. Read it again and retry."),
        BadHttpRequestException bad => new(bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400,
            "The request could not be read: send a JSON body of at most 1 MB with the fields this endpoint takes."),
        JsonException => new(400, "The body is not valid JSON for this endpoint: send one JSON object with the fields it takes (see /docs)."),
        _ when exception.InnerException is { } inner && inner is not PostgresException => Classify(inner),
        _ => new(500, "Something failed on our side. It has been logged; try again later."),
    };

    /// <summary>Whether the database refused as it is expected to now and then: a conflict, or a passing failure.</summary>
    public static bool IsExpected(Exception exception) => Classify(exception).Status is 409 or 503;

    /// <summary>Answers a failure as the pipeline does: logged as it deserves, then problem details with its status.</summary>
    internal static async Task Answer(HttpContext context, Exception exception, ILogger logger)
    {
        var (status, detail) = Classify(exception);
        if (status == StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "Unhandled failure on {Method} {Path}", context.Request.Method, context.Request.Path);
        else
            logger.LogInformation("Refused {Method} {Path} with {Status}: {Reason}", context.Request.Method, context.Request.Path, status, exception.Message);
        if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "1";
        await Write(context, status, detail);
    }

    private sealed class KnownFailures(ILogger<KnownFailures> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            await Answer(context, exception, logger);
            return true;
        }
    }
}
