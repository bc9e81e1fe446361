namespace Holded.Partners.Access.Grants;

/// <summary>Scheduled at a grant's expiry; stale when the grant was changed, removed or renewed since.</summary>
public sealed record ExpireGrant(Guid CollaborationId, int Generation);

/// <summary>Scheduled 30, 7 and 1 days before a grant's expiry.</summary>
public sealed record RemindGrantExpiry(Guid CollaborationId, int Generation, int Days);

/// <summary>How grants end without the client acting: at their expiry. Each handler is idempotent.</summary>
public static class GrantLifecycleHandler
{
    public static async Task<OutgoingMessages> Handle(ExpireGrant m, IDocumentSession session, TimeProvider clock)
    {
        var stream = await session.Events.FetchForWriting<Grant>(Grant.IdFor(m.CollaborationId));
        var grant = stream.Aggregate;
        if (grant is not { InForce: true, ExpiresAt: { } expires } || grant.Generation != m.Generation) return [];
        // Set to renew (and turned off by a change, which the generation would show): it lasts its period more instead.
        if (grant.RenewEvery is { } days && (await session.LoadAsync<Replicas.AccessCollaboration>(m.CollaborationId))?.Active == true)
        {
            var renewed = new AccessRenewed(m.CollaborationId, grant.ClientAccountId, grant.PartnerAccountId, grant.Role!, expires, expires.AddDays(days), days, grant.Generation + 1);
            stream.AppendOne(renewed);
            var next = new OutgoingMessages();
            next.AddRange(SetAccessGrantEndpoint.Scheduled(m.CollaborationId, renewed.Generation, renewed.ToExpiresAt, clock.GetUtcNow()));
            return next;
        }
        stream.AppendOne(new AccessExpired(m.CollaborationId, grant.ClientAccountId, grant.PartnerAccountId, grant.Role!, expires));
        return [new Contract.AccessGrantEnded(m.CollaborationId, grant.ClientAccountId, grant.PartnerAccountId, grant.Role!, GrantStatus.Expired, clock.GetUtcNow())];
    }

    public static async Task<OutgoingMessages> Handle(RemindGrantExpiry m, IQuerySession session)
    {
        var grant = await session.LoadAsync<Grant>(Grant.IdFor(m.CollaborationId));
        // A grant that renews itself is not about to end: no reminder.
        if (grant is not { InForce: true, ExpiresAt: { } expires, RenewEvery: null } || grant.Generation != m.Generation) return [];
        return [new Contract.AccessGrantExpiring(m.CollaborationId, grant.ClientAccountId, grant.PartnerAccountId, m.Days, expires)];
    }
}

/// <summary>
/// The grant ends with its collaboration, in the end's own transaction: by the time the end is answered, no check,
/// introspection or session on any node finds access in force. Idempotent: an ended grant stays as it is.
/// </summary>
[InSendersTransaction]
public static class GrantEndsWithCollaboration
{
    public static async Task<IEnumerable<object>> Handle(Collaborations.CollaborationEnded m, IDocumentSession session)
    {
        var stream = await session.Events.FetchForWriting<Grant>(Grant.IdFor(m.CollaborationId));
        var grant = stream.Aggregate;
        if (grant is not { InForce: true }) return [];
        stream.AppendOne(new AccessTerminated(m.CollaborationId, grant.ClientAccountId, grant.PartnerAccountId, grant.Role!, Collaborations.UnassignReasons.CollaborationEnded));
        return [new Contract.AccessGrantEnded(m.CollaborationId, grant.ClientAccountId, grant.PartnerAccountId, grant.Role!, GrantStatus.Terminated, m.At)];
    }
}
