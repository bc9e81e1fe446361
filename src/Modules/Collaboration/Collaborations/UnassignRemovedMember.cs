using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.Collaborations;

/// <summary>
/// A member removed from the firm stops managing every client at once. The replica and the unassignments change in
/// one transaction: an administrator assigning that member at the same moment either sees them gone or conflicts.
/// A late or repeated removal of someone who has since rejoined changes nothing.
/// </summary>
public static class UnassignRemovedMemberHandler
{
    public static async Task<OutgoingMessages> Handle(Onboarding.MemberRemoved m, IDocumentSession session, TimeProvider clock)
    {
        var firm = await session.LoadAsync<CollaborationAccount>(m.AccountId);
        var messages = new OutgoingMessages();
        if (firm?.Members.FirstOrDefault(x => x.UserId == m.UserId) is { } known && known.At > m.At) return messages; // rejoined since
        await AccountReplication.Apply<CollaborationAccount>(session, m);

        var managed = await session.Query<CollaborationView>()
            .Where(c => c.PartnerAccountId == m.AccountId && c.Status == CollaborationStatus.Active && c.Managers.Any(x => x.UserId == m.UserId))
            .Select(c => c.Id)
            .ToListAsync();
        foreach (var id in managed)
        {
            var stream = await session.Events.FetchForWriting<Collaboration>(id);
            if (stream.Aggregate?.IsManager(m.UserId) != true) continue;
            stream.AppendOne(new ManagerUnassigned(id, m.UserId, UnassignReasons.MemberRemoved, m.RemovedBy));
            messages.Add(new Contract.ManagerUnassigned(id, m.AccountId, stream.Aggregate.ClientAccountId, m.UserId, UnassignReasons.MemberRemoved, clock.GetUtcNow()));
        }
        return messages;
    }
}
