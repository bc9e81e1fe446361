using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace Holded.Partners.Host.Operations;

/// <summary>Where each asynchronous projection shard this node knows stands, against the last event stored.</summary>
public static class ProjectionShards
{
    /// <summary>
    /// The last event's sequence number. (Not the sequence's own counter: a rolled-back append uses a number no event
    /// will ever carry, and a projection would never "reach" it.)
    /// </summary>
    public static async Task<long> LastEventAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand("select coalesce(max(seq_id), 0) from events.mt_events");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Each async shard of this node's projections (their versions included) and the last event it has applied.</summary>
    public static async Task<IReadOnlyList<(ShardName Shard, long Position)>> PositionsAsync(IDocumentStore store, CancellationToken ct)
    {
        var progress = (await store.Advanced.AllProjectionProgress(token: ct)).ToDictionary(p => p.ShardName, p => p.Sequence);
        return [.. store.Advanced.AllAsyncProjectionShardNames().Select(s => (s, progress.GetValueOrDefault(s.Identity)))];
    }
}
