using Holded.Partners.Access.Grants;
using Holded.Partners.Access.JustInTime;
using Holded.Partners.Access.Reviews;
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
    public const string ExtensionRequested = "extension_requested";
    public const string GrantExtended = "grant_extended";
    public const string ExtensionDeclined = "extension_declined";
    public const string GrantRenewed = "grant_renewed";
    public const string SessionOpened = "session_opened";
    public const string AccessDenied = "access_denied";
    public const string JustInTimeRequested = "jit_requested";
    public const string JustInTimeApproved = "jit_approved";
    public const string JustInTimeDeclined = "jit_declined";
    public const string JustInTimeUsed = "jit_used";
    public const string JustInTimeEnded = "jit_ended";
    public const string JustInTimeExpired = "jit_expired";
    public const string JustInTimePolicyChanged = "jit_policy_changed";
    public const string ReviewStarted = "access_review_started";
    public const string ReviewCompleted = "access_review_completed";
    public const string ReviewUnassigned = "review_unassigned";
    public const string ReviewMemberRemoved = "review_member_removed";
    public const string ReviewLineKept = "review_line_kept";
    public const string ReviewScheduleChanged = "access_review_schedule_changed";
    public static readonly IReadOnlyList<string> All =
    [
        GrantCreated, GrantChanged, GrantRemoved, GrantExpired, GrantTerminated, ExtensionRequested, GrantExtended, ExtensionDeclined, GrantRenewed, SessionOpened, AccessDenied,
        JustInTimeRequested, JustInTimeApproved, JustInTimeDeclined, JustInTimeUsed, JustInTimeEnded, JustInTimeExpired, JustInTimePolicyChanged,
        ReviewStarted, ReviewCompleted, ReviewUnassigned, ReviewMemberRemoved, ReviewLineKept, ReviewScheduleChanged,
    ];
}

/// <summary>
/// One access-relevant fact, as the client, the firm and the platform read it. Keyed by the event's id; SortKey orders
/// entries by the event's instant (newest first) and is the paging cursor. A window of denied checks is one entry:
/// <see cref="Count"/> times between <see cref="FirstAt"/> and <see cref="LastAt"/> (none of them on any other entry).
/// </summary>
public sealed record AuditEntry(
    Guid Id, string Type, DateTimeOffset At, string SortKey, Guid ClientAccountId, Guid? PartnerAccountId, Guid? CollaborationId,
    string? Actor, string? Member, string? RoleBefore, string? RoleAfter, string? Permissions, DateTimeOffset? ExpiresAt,
    string? Reason, string? CorrelationId, long? Count = null, DateTimeOffset? FirstAt = null, DateTimeOffset? LastAt = null)
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

/// <summary>
/// Access's events, each as one audit entry: the one mapping the trail (<see cref="AuditProjection"/>) and its hash chain
/// (<see cref="Chain.AuditChainProjection"/>) both read, so what is chained is exactly what is shown. Derived from the
/// events only, so a rebuild gives the same trail.
/// </summary>
public static class AuditEntries
{
    public const string System = "system";

    public static readonly Type[] EventTypes =
    [
        typeof(AccessGranted), typeof(AccessGrantChanged), typeof(AccessRemoved), typeof(AccessExpired), typeof(AccessTerminated),
        typeof(AccessExtensionRequested), typeof(AccessExtended), typeof(AccessExtensionDeclined), typeof(AccessRenewed),
        typeof(SessionOpened), typeof(Decisions.CheckDenied), typeof(Decisions.ChecksDenied), typeof(SessionRefused),
        typeof(JustInTimeRequested), typeof(JustInTimeApproved), typeof(JustInTimeDeclined), typeof(JustInTimeUsed), typeof(JustInTimeEnded),
        typeof(JustInTimeExpired), typeof(JustInTimePolicySet),
        typeof(AccessReviewStarted), typeof(AccessReviewCompleted), typeof(ReviewRemovalApplied), typeof(ReviewLineKeptByRule),
        typeof(AccessReviewScheduleSet),
    ];

    public static AuditEntry? From(IEvent e) => e.Data switch
    {
        AccessGranted d => Entry(e, AuditTypes.GrantCreated, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, d.By, null, null,
            d.Role, null, d.ExpiresAt, null),
        AccessGrantChanged d => Entry(e, AuditTypes.GrantChanged, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, d.By, null,
            d.FromRole, d.ToRole, null, d.ToExpiresAt, null),
        AccessRemoved d => Entry(e, AuditTypes.GrantRemoved, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, d.By, null, d.Role,
            null, null, null, "removed_by_client"),
        AccessExpired d => Entry(e, AuditTypes.GrantExpired, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, System, null, d.Role,
            null, null, d.ExpiresAt, "expired"),
        AccessTerminated d => Entry(e, AuditTypes.GrantTerminated, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, System, null,
            d.Role, null, null, null, d.Reason),
        AccessExtensionRequested d => Entry(e, AuditTypes.ExtensionRequested, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, d.By, null,
            d.Role, d.Role, null, d.ToExpiresAt, null),
        AccessExtended d => Entry(e, AuditTypes.GrantExtended, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, d.By, null,
            d.Role, d.Role, null, d.ToExpiresAt, "extension_approved"),
        AccessExtensionDeclined d => Entry(e, AuditTypes.ExtensionDeclined, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, d.By, null,
            d.Role, d.Role, null, d.ToExpiresAt, "extension_declined"),
        AccessRenewed d => Entry(e, AuditTypes.GrantRenewed, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, System, null,
            d.Role, d.Role, null, d.ToExpiresAt, $"renews_every_{d.RenewEvery}_days"),
        SessionOpened d => Entry(e, AuditTypes.SessionOpened, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, d.UserId, d.UserId,
            null, d.Role, SessionTokens.Scope(d.Permissions), d.ExpiresAt, d.JustInTimeRequestId is null ? null : Decisions.Reasons.JustInTime),
        Decisions.CheckDenied d => Entry(e, AuditTypes.AccessDenied, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, "erp", d.UserId,
            null, null, $"{d.Section}:{d.Action}", null, d.Reason),
        Decisions.ChecksDenied d => Entry(e, AuditTypes.AccessDenied, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, "erp", d.UserId,
            null, null, $"{d.Section}:{d.Action}", null, d.Reason) with { Count = d.Count, FirstAt = d.FirstAt, LastAt = d.LastAt },
        SessionRefused d => Entry(e, AuditTypes.AccessDenied, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, d.UserId, d.UserId,
            null, null, null, null, d.Reason),
        // Just-in-time access: the member it is for is the entry's member; the request's own reason is the requested entry's.
        JustInTimeRequested d => Entry(e, AuditTypes.JustInTimeRequested, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, d.UserId, d.UserId,
            null, null, d.Permissions, null, d.Reason),
        JustInTimeApproved d => Entry(e, AuditTypes.JustInTimeApproved, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, d.By, d.UserId,
            null, null, null, d.ExpiresAt, d.Side == Contracts.Sides.Client ? "approved_by_client" : "approved_by_firm"),
        JustInTimeDeclined d => Entry(e, AuditTypes.JustInTimeDeclined, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, d.By, d.UserId,
            null, null, null, null, d.Side == Contracts.Sides.Client ? "declined_by_client" : "declined_by_firm"),
        JustInTimeUsed d => Entry(e, AuditTypes.JustInTimeUsed, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, "erp", d.UserId,
            null, null, $"{d.Section}:{d.Action}", null, Decisions.Reasons.JustInTime),
        JustInTimeEnded d => Entry(e, AuditTypes.JustInTimeEnded, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, d.By, d.UserId,
            null, null, null, null, d.Reason),
        JustInTimeExpired d => Entry(e, AuditTypes.JustInTimeExpired, d.ClientAccountId, d.PartnerAccountId, d.CollaborationId, System, d.UserId,
            null, null, null, d.ExpiresAt, "expired"),
        JustInTimePolicySet d => Entry(e, AuditTypes.JustInTimePolicyChanged, d.ClientAccountId, null, null, d.By, null,
            null, null, null, null, d.RequireClientApproval ? "client_approval_required" : "client_approval_not_required"),
        // A review is the firm's own: its start and completion are entries of the firm's trail (the firm in the client's
        // place too, as the account whose access is reviewed); a removed assignment is also the client's.
        AccessReviewStarted d => Entry(e, AuditTypes.ReviewStarted, d.PartnerAccountId, d.PartnerAccountId, null, d.StartedBy, null, null, null,
            null, d.Deadline, d.Scheduled ? $"scheduled:{d.Lines.Count}_lines" : $"{d.Lines.Count}_lines"),
        AccessReviewCompleted d => Entry(e, AuditTypes.ReviewCompleted, d.PartnerAccountId, d.PartnerAccountId, null, d.By, null, null, null,
            null, null, $"{d.How}:{d.Removed}_removed_{d.Kept}_kept"),
        ReviewRemovalApplied d => Entry(e, d.Kind == ReviewLineKinds.Role ? AuditTypes.ReviewMemberRemoved : AuditTypes.ReviewUnassigned,
            d.ClientAccountId ?? d.PartnerAccountId, d.PartnerAccountId, d.CollaborationId, d.By, d.UserId, d.Role, null, null, null, d.Reason),
        ReviewLineKeptByRule d => Entry(e, AuditTypes.ReviewLineKept, d.ClientAccountId ?? d.PartnerAccountId, d.PartnerAccountId, d.CollaborationId,
            AuditEntries.System, d.UserId, d.Role, d.Role, null, null, d.Reason),
        AccessReviewScheduleSet d => Entry(e, AuditTypes.ReviewScheduleChanged, d.PartnerAccountId, d.PartnerAccountId, null, d.By, null, null, null,
            null, d.NextDueAt, d.EveryDays is { } every ? $"reviews_every_{every}_days" : "reviews_not_scheduled"),
        _ => null,
    };

    private static AuditEntry Entry(IEvent e, string type, Guid client, Guid? partner, Guid? collaboration, string? actor, string? member,
        string? before, string? after, string? permissions, DateTimeOffset? expires, string? reason)
    {
        var at = e.At();
        return new AuditEntry(e.Id, type, at, $"{at.UtcTicks:D20}_{e.Id:N}", client, partner, collaboration, actor, member, before, after,
            permissions, expires, reason, e.CorrelationId);
    }
}

/// <summary>The trail, written in the transaction of its events: an entry is readable as soon as its write is answered.</summary>
public sealed partial class AuditProjection : EventProjection
{
    public AuditProjection()
    {
        IncludedEventTypes.AddRange(AuditEntries.EventTypes);
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (AuditEntries.From(e) is { } entry) operations.Store(entry);
        return ValueTask.CompletedTask;
    }
}
