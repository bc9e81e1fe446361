using Holded.Partners.Onboarding.Accounts;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace Holded.Partners.Onboarding.Team;

public sealed record ChangeMemberRole(string? Role);

public static class ChangeMemberRoleEndpoint
{
    public static ProblemDetails Validate(ChangeMemberRole command, string userId, Account account, Caller caller)
    {
        var access = AccountAccess.RequireManager(account, caller);
        if (access.Status is not null) return access;
        if (account.MemberFor(userId) is not { } member) return Problems.NotFound("member");
        var input = new Check().OneOf("role", command.Role, Roles.For(account.Kind)).Result();
        if (input.Status is not null) return input;
        access = AccountAccess.RequireOwnerForOwners(account, caller, member.Role, command.Role);
        return access.Status is not null ? access : Problems.RefuseIfAny(Broken(account, member, command.Role!));
    }

    public static IEnumerable<Rule> Broken(Account account, Member member, string role)
    {
        var top = Roles.Top(account.Kind);
        if (member.Role == top && role != top && account.TopRoleCount == 1) yield return AccountAccess.KeepsTopRole(account.Kind);
    }

    /// <summary>The role changed, and the invitations out in the name of someone who can no longer invite; nothing when the role is already so.</summary>
    public static object[] Decide(ChangeMemberRole command, string userId, Account account, Caller caller)
    {
        var member = account.MemberFor(userId)!;
        if (member.Role == command.Role) return [];
        var changed = new MemberRoleChanged(account.Id, userId, member.Role, command.Role!, caller.UserId);
        // Who can no longer invite has no invitation out in their name.
        var revoked = Roles.Manages(account.Kind, changed.ToRole) ? [] : AccountAccess.InvitationsSentBy(account, userId, changed.ChangedBy);
        return [changed, .. revoked];
    }

    /// <summary>The member as committed (see <see cref="Committed{TAggregate}"/>).</summary>
    public static Committed<Member> Answer(Guid id, string userId) =>
        Committed.Read(async (session, ct) => (await session.LoadAsync<Account>(id, ct))!.MemberFor(userId)!);

    [WolverinePut("/api/v1/accounts/{id}/members/{userId}")]
    public static (Committed<Member>, Events, Tell) Put(
        ChangeMemberRole command, string userId, [Aggregate] Account account, Caller caller, TimeProvider clock)
    {
        var events = Decide(command, userId, account, caller);
        var told = events.OfType<MemberRoleChanged>().Select(changed => (object)new Contract.MemberRoleChanged(
            account.Id, userId, changed.FromRole, changed.ToRole, changed.ChangedBy, clock.GetUtcNow(), account.Version + 1));
        return (Answer(account.Id, userId), [.. events], new Tell([.. told]));
    }
}
