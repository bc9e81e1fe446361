using Holded.Partners.Access.Grants;
using Holded.Partners.Access.Sessions;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Holded.Partners.Access.Audit;

public static class AuditTypes
{
    public const string GrantCreated = "grant_created";
    public const string GrantChanged = "grant_changed";
    public const string GrantRemoved = "grant_removed";
    public const string GrantExpired = "grant_expired";
    public const string GrantTerminated = "grant_terminated";
    public const string SessionOpened = "session_opened";
    public const string AccessDenied = "access_denied";
    public static readonly IReadOnlyList<string> All =
        [GrantCreated, GrantChanged, GrantRemoved, GrantExpired, GrantTerminated, SessionOpened, AccessDenied];
}

/// <summary>
/// One access-relevant fact, as the client, the firm and the platform read it. Keyed by the event's id; SortKey orders
/// entries by the event's instant (newest first) and is the paging cursor.
/// </summary>
public sealed record AuditEntry(
    Guid Id, string Type, DateTimeOffset At, string SortKey, Guid ClientAccountId, Guid? PartnerAccountId, Guid? CollaborationId,
    string? Actor, string? Member, string? RoleBefore, string? RoleAfter, string? Permissions, DateTimeOffset? ExpiresAt,
    string? Reason, string? CorrelationId)
{
    /// <summary>
    /// Every read of the trail walks one of these, newest first, and stops at the page: a client's, a firm's, a
    /// member's (as the one acted on or the actor), or everyone's (the auditor's). Real columns, each filter leading an
    /// index whose second column is the order. (Marten calls this when it maps the document.)
    /// </summary>
    public static void ConfigureMarten(Marten.Schema.DocumentMapping mapping)
    {
        foreach (var member in new[] { nameof(SortKey), nameof(ClientAccountId), nameof(PartnerAccountId), nameof(Member), nameof(Actor) })
            mapping.DuplicateField(member);
        mapping.Indexes.Add(new Marten.Schema.DocumentIndex(mapping, "sort_key"));
        foreach (var filter in new[] { "client_account_id", "partner_account_id", "member", "actor" })
            mapping.Indexes.Add(new Marten.Schema.DocumentIndex(mapping, filter, "sort_key"));
    }
}

/// <summary>Access's events, each as one audit entry. Derived from the events only, so a rebuild gives the same trail.</summary>
public sealed partial class AuditProjection : EventProjection
{
    public const string System = "system";

    public AuditEntry Create(IEvent<AccessGranted> e) => Entry(e, AuditTypes.GrantCreated, e.Data.ClientAccountId, e.Data.PartnerAccountId,
        e.Data.CollaborationId, e.Data.By, null, null, e.Data.Role, null, e.Data.ExpiresAt, null);

    public AuditEntry Create(IEvent<AccessGrantChanged> e) => Entry(e, AuditTypes.GrantChanged, e.Data.ClientAccountId, e.Data.PartnerAccountId,
        e.Data.CollaborationId, e.Data.By, null, e.Data.FromRole, e.Data.ToRole, null, e.Data.ToExpiresAt, null);

    public AuditEntry Create(IEvent<AccessRemoved> e) => Entry(e, AuditTypes.GrantRemoved, e.Data.ClientAccountId, e.Data.PartnerAccountId,
        e.Data.CollaborationId, e.Data.By, null, e.Data.Role, null, null, null, "removed_by_client");

    public AuditEntry Create(IEvent<AccessExpired> e) => Entry(e, AuditTypes.GrantExpired, e.Data.ClientAccountId, e.Data.PartnerAccountId,
        e.Data.CollaborationId, System, null, e.Data.Role, null, null, e.Data.ExpiresAt, "expired");

    public AuditEntry Create(IEvent<AccessTerminated> e) => Entry(e, AuditTypes.GrantTerminated, e.Data.ClientAccountId, e.Data.PartnerAccountId,
        e.Data.CollaborationId, System, null, e.Data.Role, null, null, null, e.Data.Reason);

    public AuditEntry Create(IEvent<SessionOpened> e) => Entry(e, AuditTypes.SessionOpened, e.Data.ClientAccountId, e.Data.PartnerAccountId,
        e.Data.CollaborationId, e.Data.UserId, e.Data.UserId, null, e.Data.Role, SessionTokens.Scope(e.Data.Permissions), e.Data.ExpiresAt, null);

    public AuditEntry Create(IEvent<Decisions.CheckDenied> e) => Entry(e, AuditTypes.AccessDenied, e.Data.ClientAccountId, e.Data.PartnerAccountId,
        e.Data.CollaborationId, "erp", e.Data.UserId, null, null, $"{e.Data.Section}:{e.Data.Action}", null, e.Data.Reason);

    public AuditEntry Create(IEvent<SessionRefused> e) => Entry(e, AuditTypes.AccessDenied, e.Data.ClientAccountId, e.Data.PartnerAccountId,
        e.Data.CollaborationId, e.Data.UserId, e.Data.UserId, null, null, null, null, e.Data.Reason);

    private static AuditEntry Entry(IEvent e, string type, Guid client, Guid? partner, Guid? collaboration, string? actor, string? member,
        string? before, string? after, string? permissions, DateTimeOffset? expires, string? reason)
    {
        var at = e.At();
        return new AuditEntry(e.Id, type, at, $"{at.UtcTicks:D20}_{e.Id:N}", client, partner, collaboration, actor, member, before, after,
            permissions, expires, reason, e.CorrelationId);
    }
}
