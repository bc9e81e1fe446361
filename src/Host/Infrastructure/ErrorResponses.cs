using System.Text.Json;
using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>Every error a caller sees is problem details; a stack trace never leaves the process.</summary>
public static class ErrorResponses
{
    public static void AddPartnersErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<KnownFailures>();
    }

    public static void UsePartnersErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
    }

    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    /// <summary>Failures with a meaning for the caller: conflicts and malformed bodies. Anything else is a 500 without detail.</summary>
    private sealed class KnownFailures(ILogger<KnownFailures> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            var (status, title, detail) = Classify(exception);
            if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "1";
            if (status == StatusCodes.Status500InternalServerError)
                logger.LogError(exception, "Unhandled failure on {Method} {Path}", context.Request.Method, context.Request.Path);
            await Write(context, status, title, detail);
            return true;
        }

        private static (int, string, string) Classify(Exception exception) => exception switch
        {
            _ when TransientFailures.IsTransient(exception) => (503, "Service unavailable",
                "The database was briefly unavailable and nothing was stored. Try again in a moment."),
            ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
                or JasperFx.Events.ExistingStreamIdCollisionException or ExistingStreamIdCollisionException
                or DocumentAlreadyExistsException or ConcurrentUpdateException or SnapshotRaceException
                or JasperFx.Events.StreamLockedException => (409, "Conflict",
                    "Someone else changed this at the same time. Read it again and retry."),
            MartenCommandException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }
                => (409, "Conflict", "Something with the same unique value was stored at the same time. Read it again and retry."),
            BadHttpRequestException or JsonException => (400, "Bad request",
                "The body is not valid JSON for this endpoint: " + exception.Message),
            _ when exception.InnerException is { } inner && inner is not PostgresException => Classify(inner),
            _ => (500, "Server error", "Something failed on our side. It has been logged; try again later."),
        };
    }
}
