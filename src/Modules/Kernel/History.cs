using JasperFx.Events;
using Marten;
using Marten.Events.Archiving;

namespace Holded.Partners.Kernel;

/// <summary>
/// Streams' events as history: archived streams included. An ended collaboration's streams are archived after its
/// retention (marked archived, or moved to the archived partitions where partitioning is on), and Marten leaves archived events out of every query by default;
/// what is read as history (a GDPR record, the trail's verification, a replay) must still find them.
/// </summary>
public static class History
{
    /// <summary>Every event, live or archived, for a LINQ query over the whole store.</summary>
    public static IQueryable<IEvent> AllEvents(this Marten.Events.IQueryEventStore events) => events.QueryAllRawEvents().Where(e => e.MaybeArchived());

    /// <summary>One stream's events in order, archived or not.</summary>
    public static async Task<IReadOnlyList<IEvent>> StreamAsync(this Marten.Events.IQueryEventStore events, Guid streamId, CancellationToken ct) =>
        await events.AllEvents().Where(e => e.StreamId == streamId).OrderBy(e => e.Version).ToListAsync(ct);

    /// <summary>
    /// Archives those of the streams that exist and are not archived yet, found in one statement; a stream already
    /// archived, or never written, is left as it is (the handlers that archive hear their message more than once).
    /// </summary>
    public static async Task ArchiveIfLiveAsync(this IDocumentSession session, IReadOnlyCollection<Guid> streams, CancellationToken ct)
    {
        if (streams.Count == 0) return;
        var live = await session.QueryAsync<Guid>(
            $"select id from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_streams where id = any(?) and is_archived = false", ct, streams.ToArray());
        foreach (var stream in live) session.Events.ArchiveStream(stream);
    }
}
