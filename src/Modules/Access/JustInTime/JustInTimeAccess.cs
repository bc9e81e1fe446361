using JasperFx.Events;

namespace Holded.Partners.Access.JustInTime;

public static class JustInTimeStatus
{
    /// <summary>Asked for, waiting for the firm's administrator (and the client, when it asks to approve too).</summary>
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Declined = "declined";
    public const string Ended = "ended";
    public const string Expired = "expired";
}

/// <summary>Why just-in-time access ended before its time (<see cref="JustInTimeEnded.Reason"/>).</summary>
public static class JustInTimeEndReasons
{
    public const string ByRequester = "ended_by_requester";
    public const string ByFirm = "ended_by_firm";
    public const string ByClient = "ended_by_client";
    public const string GrantEnded = "grant_ended";
    public const string CollaborationEnded = "collaboration_ended";
    public const string MemberRemoved = "member_removed";
}

/// <summary>Every just-in-time event names the request, its collaboration, both accounts and the member: the trail reads each on its own.</summary>
public interface IJustInTimeEvent
{
    Guid RequestId { get; }
    Guid CollaborationId { get; }
    Guid ClientAccountId { get; }
    Guid PartnerAccountId { get; }
    string UserId { get; }
}

/// <summary>An event that changes what the member may do now: the access memory drops the client's just-in-time access.</summary>
public interface IJustInTimeAccessChange : IJustInTimeEvent;

/// <param name="Permissions">The sections asked for, each at the level the grant gave when asked ("accounting:write taxes:read").</param>
/// <param name="ClientApprovalRequired">The client's setting when asked: a later change of it does not move the goalposts of a pending request.</param>
public sealed record JustInTimeRequested(
    Guid RequestId, Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string UserId, string Reason, string[] Sections,
    string Permissions, int Hours, bool ClientApprovalRequired) : IJustInTimeEvent;

/// <summary>
/// One side approved (<paramref name="Side"/>: "partner" or "client"). When this was the last approval needed, access starts:
/// <paramref name="ExpiresAt"/> is set, and <paramref name="MemberVersion"/> is the member's place in the firm it was given to.
/// </summary>
public sealed record JustInTimeApproved(
    Guid RequestId, Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string UserId, string Side, string By,
    DateTimeOffset? ExpiresAt, long? MemberVersion) : IJustInTimeAccessChange;

public sealed record JustInTimeDeclined(
    Guid RequestId, Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string UserId, string Side, string By) : IJustInTimeAccessChange;

/// <summary>The first check the access allowed (later uses are not recorded, so the trail is not flooded).</summary>
public sealed record JustInTimeUsed(
    Guid RequestId, Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string UserId, string Section, string Action) : IJustInTimeAccessChange;

public sealed record JustInTimeEnded(
    Guid RequestId, Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string UserId, string By, string Reason) : IJustInTimeAccessChange;

public sealed record JustInTimeExpired(
    Guid RequestId, Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string UserId, DateTimeOffset ExpiresAt) : IJustInTimeAccessChange;

/// <summary>
/// One member's request for temporary access to one client, on a stream of its own: asked with a reason, approved by
/// the firm (and the client, when it asks to), in force until its expiry or an early end.
/// </summary>
public sealed record JustInTimeAccess(
    Guid Id, Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string UserId, string Reason, string[] Sections,
    int Hours, bool ClientApprovalRequired, string Status, DateTimeOffset RequestedAt,
    string? FirmApprovedBy = null, string? ClientApprovedBy = null, string? DeclinedBy = null,
    DateTimeOffset? StartedAt = null, DateTimeOffset? ExpiresAt = null, long? MemberVersion = null,
    DateTimeOffset? UsedAt = null, DateTimeOffset? EndedAt = null, string? EndedBy = null, string? EndReason = null)
{
    public long Version { get; set; }

    /// <summary>Open: pending, or active and not past its expiry. A member has at most one open per collaboration.</summary>
    public bool IsOpen(DateTimeOffset now) => Status == JustInTimeStatus.Pending || InForce(now);

    public bool InForce(DateTimeOffset now) => Status == JustInTimeStatus.Active && ExpiresAt > now;

    /// <summary>The status as it is now: active access past its expiry is expired, even before the expiry is recorded.</summary>
    public string StatusAt(DateTimeOffset now) => Status == JustInTimeStatus.Active && ExpiresAt <= now ? JustInTimeStatus.Expired : Status;

    public static JustInTimeAccess Create(IEvent<JustInTimeRequested> e) => new(
        e.Data.RequestId, e.Data.CollaborationId, e.Data.ClientAccountId, e.Data.PartnerAccountId, e.Data.UserId, e.Data.Reason,
        e.Data.Sections, e.Data.Hours, e.Data.ClientApprovalRequired, JustInTimeStatus.Pending, e.At());

    public JustInTimeAccess Apply(IEvent<JustInTimeApproved> e)
    {
        var approved = e.Data.Side == Contracts.Sides.Client ? this with { ClientApprovedBy = e.Data.By } : this with { FirmApprovedBy = e.Data.By };
        return e.Data.ExpiresAt is { } expires
            ? approved with { Status = JustInTimeStatus.Active, StartedAt = e.At(), ExpiresAt = expires, MemberVersion = e.Data.MemberVersion }
            : approved;
    }

    public JustInTimeAccess Apply(JustInTimeDeclined e) => this with { Status = JustInTimeStatus.Declined, DeclinedBy = e.By };

    public JustInTimeAccess Apply(IEvent<JustInTimeUsed> e) => this with { UsedAt = UsedAt ?? e.At() };

    public JustInTimeAccess Apply(IEvent<JustInTimeEnded> e) => this with
    {
        Status = JustInTimeStatus.Ended, EndedAt = e.At(), EndedBy = e.Data.By, EndReason = e.Data.Reason,
    };

    public JustInTimeAccess Apply(IEvent<JustInTimeExpired> e) => this with { Status = JustInTimeStatus.Expired, EndedAt = e.At() };

    /// <summary>What a side still has to approve: the firm always; the client when it asked to.</summary>
    public bool Awaits(string side) => Status == JustInTimeStatus.Pending && (side == Contracts.Sides.Partner
        ? FirmApprovedBy is null
        : ClientApprovalRequired && ClientApprovedBy is null);
}

/// <summary>The client's own say in just-in-time access: whether its owners or admins must approve too.</summary>
public sealed record JustInTimePolicySet(Guid ClientAccountId, bool RequireClientApproval, string By);

/// <summary>
/// A client's just-in-time setting, on a stream whose id derives from the account's. Not required by default: the
/// client already chose the grant, and just-in-time access never goes beyond it; a client that wants a say turns it on.
/// </summary>
public sealed record JustInTimePolicy(Guid Id, Guid ClientAccountId, bool RequireClientApproval)
{
    public long Version { get; set; }

    public static Guid IdFor(Guid clientAccountId) => StableIds.For("just-in-time-policy", clientAccountId);

    public static JustInTimePolicy Create(JustInTimePolicySet e) => new(IdFor(e.ClientAccountId), e.ClientAccountId, e.RequireClientApproval);

    public JustInTimePolicy Apply(JustInTimePolicySet e) => this with { RequireClientApproval = e.RequireClientApproval };
}
