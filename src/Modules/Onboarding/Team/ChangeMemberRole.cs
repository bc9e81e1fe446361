using Holded.Partners.Onboarding.Accounts;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace Holded.Partners.Onboarding.Team;

public sealed record ChangeMemberRole(string? Role);

public static class ChangeMemberRoleEndpoint
{
    public static ProblemDetails Validate(ChangeMemberRole command, string userId, Account account, ClaimsPrincipal user)
    {
        var access = AccountAccess.RequireManager(account, Caller.From(user));
        if (access.Status is not null) return access;
        if (account.MemberFor(userId) is not { } member) return Problems.NotFound("member");
        var input = new Check().OneOf("role", command.Role, Roles.For(account.Kind)).Result();
        return input.Status is not null ? input : Problems.RefuseIfAny(Broken(account, member, command.Role!));
    }

    public static IEnumerable<Rule> Broken(Account account, Member member, string role)
    {
        var top = Roles.Top(account.Kind);
        if (member.Role == top && role != top && account.TopRoleCount == 1) yield return AccountAccess.KeepsTopRole(account.Kind);
    }

    [WolverinePut("/api/v1/accounts/{id}/members/{userId}")]
    public static (Member, Events, OutgoingMessages) Put(
        ChangeMemberRole command, string userId, [Aggregate] Account account, ClaimsPrincipal user, TimeProvider clock)
    {
        var member = account.MemberFor(userId)!;
        if (member.Role == command.Role) return (member, [], []);
        var changed = new MemberRoleChanged(account.Id, userId, member.Role, command.Role!, Caller.From(user).UserId);
        return (member with { Role = changed.ToRole }, [changed],
            [new Contract.MemberRoleChanged(account.Id, userId, changed.FromRole, changed.ToRole, changed.ChangedBy, clock.GetUtcNow())]);
    }
}
