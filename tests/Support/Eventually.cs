using Npgsql;
using Shouldly;

namespace Holded.Partners.Testing;

/// <summary>
/// Waiting for what another process does, where Wolverine's tracked activity cannot see (a separate host process): the
/// condition is checked again each time the database reports a change (<see cref="StoreChanges"/>), within a bound.
/// </summary>
public static class Eventually
{
    public static async Task Until(string connectionString, Func<Task<bool>> condition, TimeSpan within, string because) =>
        (await StoreChanges.WaitAsync(connectionString, condition, within)).ShouldBeTrue(because);

    /// <summary>
    /// Until at least <paramref name="backends"/> connections of this database wait on a lock: writers stuck at their
    /// commit behind a row a test holds, so each has passed its checks on the version it read.
    /// </summary>
    public static Task<bool> BackendsWaitOnALockAsync(string connectionString, int backends, TimeSpan within) =>
        StoreChanges.WaitAsync(connectionString, async () => await CountAsync(connectionString,
            "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'") >= backends, within);

    /// <summary>A single number from the database, straight from SQL: what the modules stored, counted from outside.</summary>
    public static async Task<long> CountAsync(string connectionString, string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        try { return await command.ExecuteScalarAsync() is long n ? n : 0; }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable) { return 0; } // not created yet
    }
}
