using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.Collaborations;

/// <summary>
/// A member removed from the firm stops managing every client in the removal's own transaction: the replica and the
/// unassignments commit with it, so an administrator assigning that member at the same moment either sees them gone or
/// conflicts. A late or repeated removal of someone who has since rejoined changes nothing.
/// </summary>
[InSendersTransaction]
public static class UnassignRemovedMember
{
    public static async Task<IEnumerable<object>> Handle(Onboarding.MemberRemoved m, IDocumentSession session)
    {
        var firm = await session.LoadForChangeAsync<CollaborationAccount>(m.AccountId);
        if (firm?.Members.FirstOrDefault(x => x.UserId == m.UserId) is { } known && known.Version > m.Version) return []; // rejoined since
        await AccountReplication.Apply<CollaborationAccount>(session, m);

        var managed = await session.Query<CollaborationView>()
            .Where(c => c.PartnerAccountId == m.AccountId && c.Status == CollaborationStatus.Active && c.Managers.Any(x => x.UserId == m.UserId))
            .Select(c => c.Id)
            .ToListAsync();
        var told = new List<object>();
        foreach (var id in managed)
        {
            var stream = await session.Events.FetchForWriting<CollaborationView>(id);
            if (stream.Aggregate?.IsManager(m.UserId) != true) continue;
            stream.AppendOne(new ManagerUnassigned(id, m.UserId, UnassignReasons.MemberRemoved, m.RemovedBy));
            told.Add(new Contract.ManagerUnassigned(id, m.AccountId, stream.Aggregate.ClientAccountId, m.UserId, UnassignReasons.MemberRemoved,
                m.At, (stream.CurrentVersion ?? 0)));
        }
        return told;
    }
}
