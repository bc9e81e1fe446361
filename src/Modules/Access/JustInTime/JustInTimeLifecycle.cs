namespace Holded.Partners.Access.JustInTime;

/// <summary>Scheduled at just-in-time access's expiry (in PostgreSQL, like a grant's: a restart does not lose it).</summary>
public sealed record ExpireJustInTime(Guid RequestId);

/// <summary>
/// How just-in-time access ends without anyone ending it: at its expiry, or with what it sits on (the grant, the
/// collaboration, the member's place in the firm). The access decision already refuses it from state the moment any of
/// those goes (see <see cref="Decisions.AccessDecision"/>); these record the end in the trail and tell the people.
/// Each handler is idempotent: an ended request stays as it is.
/// </summary>
public static class JustInTimeLifecycleHandler
{
    public static async Task<OutgoingMessages> Handle(ExpireJustInTime m, IDocumentSession session, TimeProvider clock)
    {
        var stream = await session.Events.FetchForWriting<JustInTimeAccess>(m.RequestId);
        if (stream.Aggregate is not { Status: JustInTimeStatus.Active, ExpiresAt: { } expires } r) return [];
        // Delivered early (another node's clock): it comes back at the expiry.
        if (expires > clock.GetUtcNow()) return [m.ScheduledAt(expires)];
        stream.AppendOne(new JustInTimeExpired(r.Id, r.CollaborationId, r.ClientAccountId, r.PartnerAccountId, r.UserId, expires));
        return [new Contract.JustInTimeEnded(r.Id, r.CollaborationId, r.ClientAccountId, r.PartnerAccountId, r.UserId, JustInTimeStatus.Expired,
            r.ClientApprovalRequired, Audit.AuditEntries.System, clock.GetUtcNow())];
    }

    public static Task<OutgoingMessages> Handle(Contract.AccessGrantEnded m, IDocumentSession session, TimeProvider clock) =>
        EndOpenAsync(session, clock, q => q.Where(r => r.CollaborationId == m.CollaborationId),
            m.Reason == Contract.GrantEndReasons.Terminated ? JustInTimeEndReasons.CollaborationEnded : JustInTimeEndReasons.GrantEnded);

    public static Task<OutgoingMessages> Handle(Collaborations.CollaborationEnded m, IDocumentSession session, TimeProvider clock) =>
        EndOpenAsync(session, clock, q => q.Where(r => r.CollaborationId == m.CollaborationId), JustInTimeEndReasons.CollaborationEnded);

    public static Task<OutgoingMessages> Handle(Onboarding.MemberRemoved m, IDocumentSession session, TimeProvider clock) =>
        EndOpenAsync(session, clock, q => q.Where(r => r.PartnerAccountId == m.AccountId && r.UserId == m.UserId), JustInTimeEndReasons.MemberRemoved);

    private static async Task<OutgoingMessages> EndOpenAsync(IDocumentSession session, TimeProvider clock,
        Func<IQueryable<JustInTimeAccess>, IQueryable<JustInTimeAccess>> which, string reason)
    {
        var open = await which(session.Query<JustInTimeAccess>())
            .Where(r => r.Status == JustInTimeStatus.Pending || r.Status == JustInTimeStatus.Active)
            .Select(r => r.Id).ToListAsync();
        var told = new OutgoingMessages();
        foreach (var id in open)
        {
            var stream = await session.Events.FetchForWriting<JustInTimeAccess>(id);
            if (stream.Aggregate is not { Status: JustInTimeStatus.Pending or JustInTimeStatus.Active } r) continue;
            stream.AppendOne(new JustInTimeEnded(r.Id, r.CollaborationId, r.ClientAccountId, r.PartnerAccountId, r.UserId, Audit.AuditEntries.System, reason));
            told.Add(new Contract.JustInTimeEnded(r.Id, r.CollaborationId, r.ClientAccountId, r.PartnerAccountId, r.UserId, reason,
                r.ClientApprovalRequired, Audit.AuditEntries.System, clock.GetUtcNow()));
        }
        return told;
    }
}
