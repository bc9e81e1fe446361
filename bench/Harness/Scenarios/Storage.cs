using Npgsql;

namespace Holded.Partners.Bench.Scenarios;

/// <summary>
/// What the scenarios above left stored, per row: an event (its table's heap, TOAST and indexes over its rows) and an
/// audit entry the same way. The capacity model's storage per day and per year is these times the sized load's rows.
/// </summary>
public static class Storage
{
    /// <summary>Below this, a table's fixed pages and index roots are most of its size, not its rows.</summary>
    private const int MinRows = 1000;

    public static async Task<IReadOnlyList<Row>> Run(NpgsqlDataSource database)
    {
        var rows = new List<Row>();
        // Figures the capacity model multiplies, not targets: shown, with no bound of their own.
        foreach (var (what, table) in new[] { ("bytes per event, with indexes", "events.mt_events"), ("bytes per audit entry, with indexes", "access.mt_doc_auditentry") })
        {
            await using var command = database.CreateCommand(
                // A partitioned table (mt_events, live and archived) has no storage of its own: its partitions hold it.
                $"select coalesce((select sum(pg_total_relation_size(relid)) from pg_partition_tree('{table}')), pg_total_relation_size('{table}'))::float8, (select count(*) from {table})::float8");
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (bytes, count) = (reader.GetDouble(0), reader.GetDouble(1));
            if (count >= MinRows) rows.Add(Row.Figure($"{what} ({count:N0} rows)", Math.Round(bytes / count), "B"));
        }
        return rows;
    }
}
