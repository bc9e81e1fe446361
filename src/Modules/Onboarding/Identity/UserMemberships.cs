using Holded.Partners.Onboarding.Accounts;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Holded.Partners.Onboarding.Identity;

public sealed record Membership(Guid AccountId, string AccountName, string AccountKind, string Role, DateTimeOffset Since);

/// <summary>Every account a person belongs to, with their role: what /me answers.</summary>
public sealed record UserMemberships(string Id, string Email, string Name, IReadOnlyList<Membership> Memberships);

public sealed class UserMembershipsProjection : MultiStreamProjection<UserMemberships, string>
{
    public UserMembershipsProjection()
    {
        Identity<MemberJoined>(e => e.UserId);
        Identity<MemberRoleChanged>(e => e.UserId);
        Identity<MemberRemoved>(e => e.UserId);
    }

    public UserMemberships Create(IEvent<MemberJoined> e) =>
        Apply(e, new UserMemberships(e.Data.UserId, e.Data.Email, e.Data.Name, []));

    public UserMemberships Apply(IEvent<MemberJoined> e, UserMemberships view) => view with
    {
        Email = e.Data.Email,
        Name = e.Data.Name,
        Memberships =
        [
            .. view.Memberships.Where(m => m.AccountId != e.Data.AccountId),
            new Membership(e.Data.AccountId, e.Data.AccountName, e.Data.AccountKind, e.Data.Role, e.At()),
        ],
    };

    public UserMemberships Apply(MemberRoleChanged e, UserMemberships view) => view with
    {
        Memberships = [.. view.Memberships.Select(m => m.AccountId == e.AccountId ? m with { Role = e.ToRole } : m)],
    };

    public UserMemberships Apply(MemberRemoved e, UserMemberships view) => view with
    {
        Memberships = [.. view.Memberships.Where(m => m.AccountId != e.AccountId)],
    };
}
