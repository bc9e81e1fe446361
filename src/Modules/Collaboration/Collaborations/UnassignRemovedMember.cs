namespace Holded.Partners.Collaboration.Collaborations;

/// <summary>A member removed from the firm stops managing every client at once. Idempotent: not a manager, nothing to do.</summary>
public static class UnassignRemovedMemberHandler
{
    public static async Task<OutgoingMessages> Handle(Onboarding.MemberRemoved m, IDocumentSession session, TimeProvider clock)
    {
        var managed = await session.Query<CollaborationView>()
            .Where(c => c.PartnerAccountId == m.AccountId && c.Status == CollaborationStatus.Active && c.Managers.Any(x => x.UserId == m.UserId))
            .Select(c => c.Id)
            .ToListAsync();
        var messages = new OutgoingMessages();
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
