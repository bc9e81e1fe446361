using Holded.Partners.Onboarding.Accounts;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace Holded.Partners.Onboarding.Team;

public sealed record InviteMember(string? Email, string? Role);

/// <summary>Step 4: an administrator invites a person by email with a role; the invitation lasts 14 days.</summary>
public static class InviteMemberEndpoint
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static ProblemDetails Validate(InviteMember command, Account account, Caller caller, TimeProvider clock)
    {
        var access = AccountAccess.RequireManager(account, caller);
        if (access.Status is not null) return access;
        var input = new Check().Email("email", command.Email).OneOf("role", command.Role, Roles.For(account.Kind)).Result();
        if (input.Status is not null) return input;
        access = AccountAccess.RequireOwnerForOwners(account, caller, command.Role);
        return access.Status is not null ? access : Problems.RefuseIfAny(Broken(Normalize(command.Email!), account, clock.GetUtcNow()));
    }

    public static IEnumerable<Rule> Broken(string email, Account account, DateTimeOffset now)
    {
        if (account.Members.Any(m => m.Email == email))
            yield return new Rule("already_a_member", $"{email} is already a member; change their role instead.");
        if (account.Invitations.Any(i => i.Email == email && i.ExpiresAt > now))
            yield return new Rule("invitation_already_pending",
                $"{email} already has a pending invitation; revoke it first to send a new one.");
    }

    [WolverinePost("/api/v1/accounts/{id}/invitations")]
    public static (CreationResponse<Guid>, Events, OutgoingMessages) Post(
        InviteMember command, [Aggregate] Account account, Caller caller, TimeProvider clock)
    {
        var invited = Decide(command, account, caller, Guid.CreateVersion7(), clock.GetUtcNow());
        return (new CreationResponse<Guid>($"/api/v1/invitations/{invited.InvitationId}", invited.InvitationId),
            [invited],
            [new Contract.MemberInvited(account.Id, invited.InvitationId, invited.Email, invited.Role, invited.InvitedBy, invited.ExpiresAt)]);
    }

    public static MemberInvited Decide(InviteMember command, Account account, Caller caller, Guid invitationId, DateTimeOffset now) =>
        new(account.Id, account.LegalName, invitationId, Normalize(command.Email!), command.Role!, caller.UserId, now + Lifetime);

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
