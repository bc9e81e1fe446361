using Npgsql;

namespace Holded.Partners.Bench;

/// <summary>
/// Statements per request for the capacity model: pg_stat_statements' calls in the benchmark's database, read before
/// and after each run. Each statement of a batch counts, as PostgreSQL runs it; a function counts once.
/// </summary>
public static class Statements
{
    private const string Count =
        "select coalesce(sum(calls), 0)::bigint from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())";

    /// <summary>The counter, or null (the figure then reads 0) when the cluster does not load pg_stat_statements.</summary>
    public static async Task<Func<long>?> CounterAsync(string connectionString)
    {
        var source = NpgsqlDataSource.Create(connectionString);
        try
        {
            await using (var create = source.CreateCommand("create extension if not exists pg_stat_statements")) await create.ExecuteNonQueryAsync();
            await using (var probe = source.CreateCommand(Count)) await probe.ExecuteScalarAsync();
        }
        catch (PostgresException e)
        {
            Console.WriteLine($"statements per request not measured: {e.MessageText} (bench/run.sh starts PostgreSQL with pg_stat_statements)");
            await source.DisposeAsync();
            return null;
        }
        // The count's own statement is among those counted: one per reading, nothing beside thousands of requests.
        return () =>
        {
            using var command = source.CreateCommand(Count);
            return (long)command.ExecuteScalar()!;
        };
    }
}
