
namespace Holded.Partners.Onboarding.Accounts;

public static class AdvisoryTypes
{
    public static readonly IReadOnlyList<string> All = ["gestoria", "asesoria", "external_cfo", "other"];
    /// <summary>The kinds of firm the program admits.</summary>
    public static readonly IReadOnlyList<string> Eligible = ["gestoria", "asesoria", "external_cfo"];
}

public static class SubscriptionStatuses
{
    public const string Trialing = "trialing";
    public const string Active = "active";
    public static readonly IReadOnlyList<string> All = [Trialing, Active, "past_due", "canceled"];
}

public sealed record Member(string UserId, string Email, string Name, string Role);

public sealed record PendingInvitation(Guid InvitationId, string Email, string Role, DateTimeOffset ExpiresAt, string InvitedBy);

/// <summary>
/// The account aggregate, kept as an inline snapshot. Immutable: every Apply returns a new value,
/// so the instance Marten caches is never changed behind its back.
/// </summary>
public sealed record Account(
    Guid Id, string Kind, string? AdvisoryType, string? Plan, string LegalName, string TaxId,
    ContactDetails Contact, PostalAddress Address, string SubscriptionStatus,
    IReadOnlyList<Member> Members, IReadOnlyList<PendingInvitation> Invitations,
    Guid? OpenApplicationId, bool IsPartner, DateTimeOffset RegisteredAt)
{
    public long Version { get; set; }

    public Member? MemberFor(string userId) => Members.FirstOrDefault(m => m.UserId == userId);
    public bool IsMember(string userId) => MemberFor(userId) is not null;
    public bool IsManagedBy(string userId) => MemberFor(userId) is { } m && Roles.Manages(Kind, m.Role);
    public int TopRoleCount => Members.Count(m => m.Role == Roles.Top(Kind));

    public static Account Create(JasperFx.Events.IEvent<AccountRegistered> e) => new(
        e.Data.AccountId, e.Data.Kind, e.Data.AdvisoryType, e.Data.Plan, e.Data.LegalName, e.Data.TaxId,
        e.Data.Contact, e.Data.Address, e.Data.SubscriptionStatus, [], [], null, false, e.At());

    public Account Apply(SubscriptionChanged e) => this with { SubscriptionStatus = e.Status, Plan = e.Plan ?? Plan };

    public Account Apply(MemberJoined e) => this with
    {
        Members = [.. Members.Where(m => m.UserId != e.UserId), new Member(e.UserId, e.Email, e.Name, e.Role)],
        Invitations = [.. Invitations.Where(i => i.InvitationId != e.InvitationId)],
    };

    public Account Apply(MemberRoleChanged e) => this with
    {
        Members = [.. Members.Select(m => m.UserId == e.UserId ? m with { Role = e.ToRole } : m)],
    };

    public Account Apply(MemberRemoved e) => this with { Members = [.. Members.Where(m => m.UserId != e.UserId)] };

    public Account Apply(MemberInvited e) => this with
    {
        Invitations = [.. Invitations, new PendingInvitation(e.InvitationId, e.Email, e.Role, e.ExpiresAt, e.InvitedBy)],
    };

    public Account Apply(InvitationRevoked e) => this with
    {
        Invitations = [.. Invitations.Where(i => i.InvitationId != e.InvitationId)],
    };

    public Account Apply(InvitationAccepted e) => this with
    {
        Invitations = [.. Invitations.Where(i => i.InvitationId != e.InvitationId)],
    };

    public Account Apply(PartnerApplicationSubmitted e) => this with { OpenApplicationId = e.ApplicationId };
    public Account Apply(PartnerApplicationApproved e) => this with { OpenApplicationId = null, IsPartner = true };
    public Account Apply(PartnerApplicationRejected e) => this with { OpenApplicationId = null };
}
