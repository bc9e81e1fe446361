using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Holded.Partners.Host.Operations;

/// <summary>
/// Readiness reports any message that failed for good (transient failures are retried until they pass, so one here is a
/// real fault): the node still takes traffic (Degraded), and each new one is logged as an error once, naming it.
/// </summary>
public sealed class DeadLetters(NpgsqlDataSource database, ILogger<DeadLetters> log) : IHealthCheck
{
    private long _logged;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand(
            "select count(*), coalesce(string_agg(distinct message_type || ' (' || coalesce(exception_type, '?') || ')', ', '), '') " +
            "from wolverine.wolverine_dead_letters");
        long count;
        string kinds;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (count, kinds) = (reader.GetInt64(0), reader.GetString(1));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return HealthCheckResult.Healthy(); // no message store yet: nothing has failed
        }
        if (count == 0) return HealthCheckResult.Healthy();
        var description = $"{count} message(s) dead-lettered: {kinds}. Each names its failure in wolverine.wolverine_dead_letters; " +
            "once the cause is fixed, set replayable = true on them and they are handled again.";
        if (Interlocked.Exchange(ref _logged, count) < count) log.LogError("Dead-lettered messages: {Description}", description);
        return HealthCheckResult.Degraded(description);
    }
}
