namespace Holded.Partners.Collaboration.Collaborations;

/// <summary>
/// An access review removed a member's assignment to a client: they stop managing it (reason "access_review"), and the
/// other modules hear it in this transaction as any unassignment. Idempotent: someone no longer assigned, or a
/// collaboration that has ended, changes nothing.
/// </summary>
public static class UnassignReviewedManagerHandler
{
    public static async Task<Tell> Handle(Contracts.Access.UnassignReviewedManager m, IDocumentSession session)
    {
        var stream = await session.Events.FetchForWriting<CollaborationView>(m.CollaborationId);
        if (stream.Aggregate is not { Status: CollaborationStatus.Active } collaboration || !collaboration.IsManager(m.UserId)
            || collaboration.PartnerAccountId != m.PartnerAccountId) return new Tell();
        stream.AppendOne(new ManagerUnassigned(m.CollaborationId, m.UserId, UnassignReasons.AccessReview, m.By));
        return new Tell(new Contract.ManagerUnassigned(m.CollaborationId, m.PartnerAccountId, collaboration.ClientAccountId, m.UserId,
            UnassignReasons.AccessReview, m.At, collaboration.Version + 1));
    }
}
