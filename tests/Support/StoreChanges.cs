using System.Diagnostics;
using Npgsql;

namespace Holded.Partners.Testing;

/// <summary>
/// The test database says when what the tests wait for may have changed: a trigger on the durable inbox, the event
/// store and the projections' progress sends one notification per transaction. Waits wake on those instead of sleeping
/// between checks, so they also reach what another process or node does. Test databases only.
/// </summary>
public static class StoreChanges
{
    private const string Channel = "partners_test_store_changed";
    private static readonly string[] Watched =
        ["wolverine.wolverine_incoming_envelopes", "events.mt_events", "events.mt_event_progression"];

    public static async Task InstallAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sql = $"""
            create or replace function public.partners_test_store_changed() returns trigger language plpgsql as
            $$ begin perform pg_notify('{Channel}', ''); return null; end $$;
            {string.Concat(Watched.Select(table => $"""
                create or replace trigger partners_test_store_changed after insert or update or delete on {table}
                for each statement execute function public.partners_test_store_changed();
                """))}
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Whether <paramref name="condition"/> came to hold within <paramref name="within"/>, checked at the start and after
    /// each change; with <paramref name="settle"/>, it must also still hold once no change has come for that long.
    /// </summary>
    public static async Task<bool> WaitAsync(string connectionString, Func<Task<bool>> condition, TimeSpan within, TimeSpan? settle = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var listen = new NpgsqlCommand($"listen {Channel}", connection)) await listen.ExecuteNonQueryAsync(); // before the first check: no change slips between
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var left = within - Stopwatch.GetElapsedTime(started);
            if (await condition())
            {
                if (settle is not { } quiet || left <= TimeSpan.Zero) return true;
                if (!await connection.WaitAsync(quiet < left ? quiet : left)) return true; // nothing moved meanwhile
                continue;
            }
            if (left <= TimeSpan.Zero) return await condition();
            // Checked again at least this often: a change no trigger reports (a host started without them) costs a moment,
            // not the whole bound.
            await connection.WaitAsync(left < Recheck ? left : Recheck);
        }
    }
}
