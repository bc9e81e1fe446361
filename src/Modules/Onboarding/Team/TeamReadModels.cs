using Holded.Partners.Onboarding.Accounts;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Holded.Partners.Onboarding.Team;

/// <summary>
/// One row of an account's member list. A removed member's row is kept and marked, not deleted: a rebuild replays
/// "removed, then invited back" in one batch, and a delete there would win over the later join.
/// </summary>
public sealed record TeamMember(
    string Id, Guid AccountId, string UserId, string Email, string Name, string Role, DateTimeOffset JoinedAt, bool Removed)
{
    public static string KeyFor(Guid accountId, string userId) => $"{accountId}/{userId}";
}

public sealed class TeamMemberProjection : MultiStreamProjection<TeamMember, string>
{
    public TeamMemberProjection()
    {
        Identity<MemberJoined>(e => TeamMember.KeyFor(e.AccountId, e.UserId));
        Identity<MemberRoleChanged>(e => TeamMember.KeyFor(e.AccountId, e.UserId));
        Identity<MemberRemoved>(e => TeamMember.KeyFor(e.AccountId, e.UserId));
    }

    public TeamMember Create(IEvent<MemberJoined> e) => new(
        TeamMember.KeyFor(e.Data.AccountId, e.Data.UserId), e.Data.AccountId, e.Data.UserId, e.Data.Email, e.Data.Name,
        e.Data.Role, e.At(), false);

    public TeamMember Apply(IEvent<MemberJoined> e, TeamMember member) => Create(e);

    public TeamMember Apply(MemberRoleChanged e, TeamMember member) => member with { Role = e.ToRole };

    public TeamMember Apply(MemberRemoved e, TeamMember member) => member with { Removed = true };
}

public static class InvitationStatus
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Revoked = "revoked";
    /// <summary>Not stored: a pending invitation past its expiry reads as expired.</summary>
    public const string Expired = "expired";
    public static readonly IReadOnlyList<string> All = [Pending, Accepted, Revoked, Expired];
}

public sealed record InvitationView(
    Guid Id, Guid AccountId, string AccountName, string Email, string Role, string Status, string InvitedBy,
    DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ClosedAt)
{
    /// <summary>The invited person: signed in with the invited email, which their identity provider has verified.</summary>
    public bool IsFor(Caller caller) => caller.IsPerson && caller.EmailVerified && caller.Email == Email;

    public InvitationView AsOf(DateTimeOffset now) =>
        Status == InvitationStatus.Pending && ExpiresAt <= now ? this with { Status = InvitationStatus.Expired } : this;
}

public sealed class InvitationProjection : MultiStreamProjection<InvitationView, Guid>
{
    public InvitationProjection()
    {
        Identity<MemberInvited>(e => e.InvitationId);
        Identity<InvitationRevoked>(e => e.InvitationId);
        Identity<InvitationAccepted>(e => e.InvitationId);
    }

    public InvitationView Create(IEvent<MemberInvited> e) => new(
        e.Data.InvitationId, e.Data.AccountId, e.Data.AccountName, e.Data.Email, e.Data.Role, InvitationStatus.Pending, e.Data.InvitedBy,
        e.At(), e.Data.ExpiresAt, null);

    public InvitationView Apply(IEvent<InvitationRevoked> e, InvitationView view) =>
        view with { Status = InvitationStatus.Revoked, ClosedAt = e.At() };

    public InvitationView Apply(IEvent<InvitationAccepted> e, InvitationView view) =>
        view with { Status = InvitationStatus.Accepted, ClosedAt = e.At() };
}
