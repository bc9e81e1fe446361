using Holded.Partners.Collaboration.PendingWork;
using JasperFx.Events;
using Marten.Events;

namespace Holded.Partners.Collaboration.Collaborations;

/// <summary>
/// A firm's collaborations as their streams tell them up to the instant asked: when each ran, who managed it when, and
/// what its client shared when. The view only finds which streams are the firm's; the answer is folded from the events
/// (the view knows only today). Asked by Access for the firm's GDPR record.
/// </summary>
public static class AnswerFirmCollaborationsHandler
{
    public static async Task<Contract.FirmCollaborations> Handle(Contract.AskFirmCollaborations question, IQuerySession session, CancellationToken ct)
    {
        var ids = await session.Query<CollaborationView>().Where(c => c.PartnerAccountId == question.PartnerAccountId)
            .Select(c => new { c.Id, c.ClientAccountId }).ToListAsync(ct);
        var sharing = new Dictionary<Guid, IReadOnlyList<IEvent>>();
        var spans = new List<Contract.CollaborationSpan>();
        foreach (var c in ids)
        {
            if (!sharing.TryGetValue(c.ClientAccountId, out var shared))
                sharing[c.ClientAccountId] = shared = await SharedAsync(c.ClientAccountId, session, ct);
            if (FirmCollaborations.Of(await session.Events.StreamAsync(c.Id, ct), shared, question.AsOf) is { } span) spans.Add(span);
        }
        return new Contract.FirmCollaborations([.. spans.OrderBy(s => s.From)]);
    }

    // Only the client's choices of what to share, not every pending-work report of its stream.
    private static async Task<IReadOnlyList<IEvent>> SharedAsync(Guid client, IQuerySession session, CancellationToken ct) =>
        await session.Events.AllEvents()
            .Where(e => e.StreamId == ClientWork.IdFor(client) && e.EventTypesAre(typeof(SectionsShared)))
            .OrderBy(e => e.Sequence).ToListAsync(ct);
}

public static class FirmCollaborations
{
    /// <summary>One collaboration's events (and its client's sharing choices) up to <paramref name="asOf"/>; null when it had not started by then.</summary>
    public static Contract.CollaborationSpan? Of(IReadOnlyList<IEvent> events, IReadOnlyList<IEvent> sharing, DateTimeOffset asOf)
    {
        var seen = events.Where(e => e.At() <= asOf).ToList();
        if (seen.FirstOrDefault(e => e.Data is CollaborationStarted) is not { Data: CollaborationStarted started } start) return null;
        var managers = new List<Contract.ManagerSpell>();
        DateTimeOffset? to = null;
        string? reason = null;
        foreach (var e in seen)
        {
            switch (e.Data)
            {
                case ManagerAssigned assigned when !managers.Any(m => m.UserId == assigned.UserId && m.To is null):
                    managers.Add(new Contract.ManagerSpell(assigned.UserId, assigned.Name, e.At(), null));
                    break;
                case ManagerUnassigned unassigned when managers.FindLastIndex(m => m.UserId == unassigned.UserId && m.To is null) is var open and >= 0:
                    managers[open] = managers[open] with { To = e.At() };
                    break;
                case CollaborationEnded ended:
                    (to, reason) = (e.At(), ended.Reason);
                    break;
            }
        }
        return new Contract.CollaborationSpan(started.CollaborationId, started.ClientAccountId, started.ClientName, start.At(), to, reason,
            managers, Shared(sharing, start.At(), to, asOf));
    }

    /// <summary>The client's choices of what to share, each until the next, as they stood within the collaboration.</summary>
    private static IReadOnlyList<Contract.SharingSpell> Shared(IReadOnlyList<IEvent> choices, DateTimeOffset from, DateTimeOffset? to, DateTimeOffset asOf)
    {
        var known = choices.Where(e => e.At() <= asOf && e.Data is SectionsShared).ToList();
        var spells = new List<Contract.SharingSpell>();
        for (var i = 0; i < known.Count; i++)
        {
            var start = known[i].At();
            var next = i + 1 < known.Count ? known[i + 1].At() : (DateTimeOffset?)null;
            // Within the collaboration only: a choice made before it started holds from its start, and stops at its end.
            var stop = next is { } n && (to is null || n < to) ? n : to;
            var sections = ((SectionsShared)known[i].Data).Sections;
            if (next is { } over && over <= from || to is { } end && start >= end || sections.Count == 0) continue;
            spells.Add(new Contract.SharingSpell(sections, start < from ? from : start, stop));
        }
        return spells;
    }
}
