using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Projections;

namespace Holded.Partners.Access.Audit.Chain;

/// <summary>
/// Links every audit entry into its client's chain and its firm's, in the order of the event store. Asynchronous on
/// purpose: one daemon applies the events one page after another, in sequence, so each link is hashed from the link
/// committed before it, and writers of the trail never wait on one another. From the events only: a rebuild gives the
/// same hashes, so the digests signed before it still hold.
/// </summary>
public sealed class AuditChainProjection : ProjectionBase, IProjection
{
    public const string ProjectionName = "AuditChain";

    public AuditChainProjection()
    {
        Name = ProjectionName;
        IncludedEventTypes.AddRange(AuditEntries.EventTypes);
    }

    public static void Configure(AsyncOptions options)
    {
        options.DeleteViewTypeOnTeardown<AuditLink>();
        options.DeleteViewTypeOnTeardown<AuditChainHead>();
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var entries = events.OrderBy(e => e.Sequence).Select(e => (Event: e, Entry: AuditEntries.From(e))).Where(x => x.Entry is not null).ToList();
        if (entries.Count == 0) return;
        var chains = entries.SelectMany(x => AuditHash.ChainsOf(x.Entry!)).Distinct().ToArray();
        var heads = (await operations.LoadManyAsync<AuditChainHead>(cancellation, chains)).ToDictionary(h => h.Id);
        foreach (var (e, entry) in entries)
            foreach (var chain in AuditHash.ChainsOf(entry!))
            {
                var head = heads.GetValueOrDefault(chain);
                var (position, previous) = (head?.Position + 1 ?? 1, head?.Hash ?? AuditHash.Genesis);
                var link = new AuditLink(AuditLink.IdFor(chain, position), chain, position, entry!.Id, e.Sequence, previous, AuditHash.Next(previous, entry));
                operations.Store(link);
                heads[chain] = new AuditChainHead(chain, position, link.Hash, e.Sequence);
            }
        operations.Store(heads.Values.ToArray());
    }
}
