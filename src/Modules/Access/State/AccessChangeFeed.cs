using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Holded.Partners.Access.State;

/// <summary>
/// Listens for the access changes every node commits, on a connection of its own. Memory serves only while this
/// connection is proven alive: a round trip every <see cref="FeedSettings.Heartbeat"/> (and TCP keep-alive below it), and
/// no answer from memory once the last confirmed round trip is older than <see cref="FeedSettings.StaleAfter"/>. Before the
/// first LISTEN, and from the moment the connection fails or falls silent until it is back, every decision reads the
/// database, and memory starts empty again, since changes in between were not heard.
/// The connection must reach PostgreSQL directly or through a session-pooling proxy: a transaction-pooling proxy
/// (PgBouncer's pool_mode = transaction) does not keep a LISTEN. Access:ChangeFeedConnection points it elsewhere than
/// the main connection string when the main one goes through such a proxy.
/// </summary>
public sealed class AccessChangeFeed(IConfiguration configuration, IOptions<AccessOptions> options, AccessState state, ILogger<AccessChangeFeed> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var settings = state.Feed.Settings;
        var connectionString = new NpgsqlConnectionStringBuilder(
            options.Value.ChangeFeedConnection is { Length: > 0 } own ? own : configuration.GetConnectionString("Partners"))
        {
            Pooling = false,
            ApplicationName = state.Feed.Name, // how an operator (or a test) finds this node's listener in pg_stat_activity
            TcpKeepAlive = true,
            TcpKeepAliveTime = Math.Max(1, (int)settings.Heartbeat.TotalSeconds),
            TcpKeepAliveInterval = 1,
            CancellationTimeout = -1, // a silent server will not hear a cancellation either: the connection is dropped at once
            Timeout = 5, // opening is bounded too: no token reaches it
        }.ConnectionString;
        while (!stopping.IsCancellationRequested)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                // No token reaches the driver: cancelling one it registered on, while the connection is being dropped,
                // can throw from inside the host's StopAsync. Every wait below is bounded instead, and the loop looks
                // at the stopping token between waits (at most a heartbeat, or a ping's bound, late).
                await connection.OpenAsync(CancellationToken.None);
                connection.Notification += (_, n) =>
                {
                    state.Feed.Confirmed();
                    AccessChanges.Apply(state, n.Payload);
                };
                await using (var listen = new NpgsqlCommand($"listen {AccessChanges.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(CancellationToken.None);
                // Read once listening: every version up to it committed before memory starts anew, and every later
                // one will be heard, so memory then stands at it.
                var caughtUp = await BoundedAsync(AccessVersions.CurrentAsync(connection, CancellationToken.None), settings.StaleAfter, stopping);
                state.Feed.Confirmed();
                state.Restart(listening: true, caughtUp);
                while (!stopping.IsCancellationRequested)
                {
                    // A quiet connection is proven alive now and then: a dead one would otherwise look like no changes.
                    if (!await connection.WaitAsync(settings.Heartbeat, CancellationToken.None))
                    {
                        await PingAsync(connection, settings.StaleAfter, stopping);
                        state.Feed.Confirmed();
                        state.Prune();
                    }
                }
            }
            catch (Exception) when (stopping.IsCancellationRequested) { } // stopping: whatever the connection was doing
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                log.LogWarning(e, "Access change feed lost its connection; decisions read the database until it is back.");
            }
            finally
            {
                state.Restart(listening: false);
                Abandon(connection);
            }
            if (!stopping.IsCancellationRequested) await Task.Delay(TimeSpan.FromSeconds(1), stopping).ContinueWith(_ => { });
        }
    }

    /// <summary>
    /// A round trip bounded by our own clock: a silent server answers neither the ping nor a cancellation of it, so the
    /// wait ends here however the driver fares.
    /// </summary>
    private static async Task PingAsync(NpgsqlConnection connection, TimeSpan within, CancellationToken stopping)
    {
        var command = new NpgsqlCommand("select 1", connection);
        await BoundedAsync(command.ExecuteScalarAsync(CancellationToken.None), within, stopping);
        await command.DisposeAsync();
    }

    private static async Task<T> BoundedAsync<T>(Task<T> roundTrip, TimeSpan within, CancellationToken stopping)
    {
        if (await Task.WhenAny(roundTrip, Task.Delay(within, stopping)) != roundTrip)
        {
            _ = roundTrip.ContinueWith(t => _ = t.Exception, TaskScheduler.Default); // it fails once the connection is dropped
            throw new TimeoutException($"The change feed's connection answered no round trip within {within.TotalSeconds:0.#} s.");
        }
        return await roundTrip;
    }

    // Closed off the feed's path: closing a connection whose server fell silent may itself wait.
    private static void Abandon(NpgsqlConnection connection) =>
        _ = Task.Run(async () =>
        {
            try { await connection.DisposeAsync(); } catch { /* already broken */ }
        });
}
