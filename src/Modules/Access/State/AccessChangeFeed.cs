using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Holded.Partners.Access.State;

/// <summary>
/// Listens for the access changes every node commits. The cache serves only while listening: before the first LISTEN,
/// and from the moment the connection fails until it is back, every decision reads the database, and the cache starts
/// empty again, since changes in between were not heard.
/// </summary>
public sealed class AccessChangeFeed(NpgsqlDataSource database, AccessState state, ILogger<AccessChangeFeed> log) : BackgroundService
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(stopping);
                connection.Notification += (_, n) => AccessChanges.Apply(state, n.Payload);
                await using (var listen = new NpgsqlCommand($"listen {AccessChanges.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stopping);
                state.Restart(listening: true);
                while (!stopping.IsCancellationRequested)
                {
                    // A quiet connection is proven alive now and then: a dead one would otherwise look like no changes.
                    if (!await connection.WaitAsync(Heartbeat, stopping))
                    {
                        await using var ping = new NpgsqlCommand("select 1", connection);
                        await ping.ExecuteScalarAsync(stopping);
                        state.Prune();
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
            catch (Exception e)
            {
                log.LogWarning(e, "Access change feed lost its connection; decisions read the database until it is back.");
            }
            finally
            {
                state.Restart(listening: false);
            }
            if (!stopping.IsCancellationRequested) await Task.Delay(TimeSpan.FromSeconds(1), stopping).ContinueWith(_ => { });
        }
    }
}
