using Holded.Partners.Onboarding.Accounts;
using Microsoft.AspNetCore.Http;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace Holded.Partners.Onboarding.Team;

/// <summary>
/// An administrator removes a member, or a member leaves. The contracts message tells every other module
/// to end at once what that person could do through this account.
/// </summary>
public static class RemoveMemberEndpoint
{
    public static ProblemDetails Validate(string userId, Account account, Caller caller)
    {
        var leaving = caller.UserId == userId && account.IsMember(userId);
        if (!leaving)
        {
            var access = AccountAccess.RequireManager(account, caller);
            if (access.Status is not null) return access;
        }
        if (account.MemberFor(userId) is not { } member) return Problems.NotFound("member");
        if (!leaving)
        {
            var owners = AccountAccess.RequireOwnerForOwners(account, caller, member.Role);
            if (owners.Status is not null) return owners;
        }
        return Problems.RefuseIfAny(Broken(account, member));
    }

    public static IEnumerable<Rule> Broken(Account account, Member member)
    {
        if (member.Role == Roles.Top(account.Kind) && account.TopRoleCount == 1) yield return AccountAccess.KeepsTopRole(account.Kind);
    }

    [WolverineDelete("/api/v1/accounts/{id}/members/{userId}")]
    public static (IResult, Events, Tell) Delete(string userId, [Aggregate] Account account, Caller caller, TimeProvider clock)
    {
        var (events, told) = Decide(account, userId, caller.UserId, clock.GetUtcNow());
        return (Results.NoContent(), [.. events], new Tell(told));
    }

    /// <summary>The removal of a member (also an access review's): the invitations they sent end with it, and the other modules are told.</summary>
    public static (IReadOnlyList<object> Events, Contract.MemberRemoved Told) Decide(Account account, string userId, string by, DateTimeOffset now)
    {
        var member = account.MemberFor(userId)!;
        var removed = new MemberRemoved(account.Id, userId, member.Email, by);
        // Everything the member could do ends, in this transaction (see Tell): the invitations they sent too.
        return ([removed, .. AccountAccess.InvitationsSentBy(account, userId, removed.RemovedBy)],
            new Contract.MemberRemoved(account.Id, userId, member.Email, removed.RemovedBy, now, account.Version + 1));
    }
}
