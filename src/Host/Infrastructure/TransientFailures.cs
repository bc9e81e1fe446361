using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// Failures that say nothing about the work itself — a timeout, a deadlock, a serialization failure, an exhausted
/// connection pool, a database restarting — and pass if the same work is simply done again. A command meeting one is
/// done again before it is answered; a message, until it succeeds: never dead-lettered for a passing failure.
/// </summary>
public static class TransientFailures
{
    /// <summary>How long an HTTP command waits before each retry; past the last, it answers 503 with nothing stored.</summary>
    private static readonly TimeSpan[] CommandBackOff = [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400)];

    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient,
        NpgsqlException npgsql when npgsql.IsTransient => true,
        TimeoutException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    /// <summary>Messages: retried at once a few times, then later and later, for as long as it takes.</summary>
    public static void RetryTransientFailures(this WolverineOptions options) =>
        options.OnException(IsTransient)
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1))
            .Then.ScheduleRetryIndefinitely(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2));

    /// <summary>
    /// HTTP commands: a transient failure means the transaction did not commit, so the whole request is run again (its
    /// body kept for that), and answered only once it succeeds; past the back-off, a 503 says to try again later.
    /// </summary>
    public static void UseTransientRetry(this WebApplication app) => app.Use((context, next) => RunAgainIfTransient(context, next, app.Logger));

    /// <summary>Runs a command, and again after a transient failure (its body kept for that), as the pipeline and the pages do.</summary>
    public static async Task RunAgainIfTransient(HttpContext context, Func<Task> command, ILogger logger)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await command();
            return;
        }
        context.Request.EnableBuffering();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await command();
                return;
            }
            catch (Exception e) when (IsTransient(e) && !context.Response.HasStarted && attempt < CommandBackOff.Length)
            {
                logger.LogInformation("Retrying {Method} {Path} after a transient failure: {Failure}", context.Request.Method, context.Request.Path, e.Message);
                await Task.Delay(CommandBackOff[attempt], context.RequestAborted);
                context.Response.Clear(); // nothing of the failed attempt is answered: not a header, not a status
                context.Request.Body.Position = 0;
            }
        }
    }
}
