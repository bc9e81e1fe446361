using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Team;

public sealed record AcceptedInvitation(Guid AccountId, string AccountName, string Role);

/// <summary>The invited person, signed in with the invited email, joins the account with the invited role.</summary>
public static class AcceptInvitationEndpoint
{
    public static Task<(InvitationView?, Account?)> LoadAsync(Guid invitationId, IQuerySession session, CancellationToken ct) =>
        GetInvitationEndpoint.LoadAsync(invitationId, session, ct);

    /// <summary>Only the invited email sees the invitation; to anyone else it does not exist.</summary>
    public static ProblemDetails Validate(InvitationView? invitation, Account? account, Caller caller, TimeProvider clock)
    {
        if (invitation is null || account is null || !invitation.IsFor(caller))
            return Problems.NotFound("invitation");
        var now = invitation.AsOf(clock.GetUtcNow());
        return now.Status switch
        {
            InvitationStatus.Pending when account.IsMember(caller.UserId) => Problems.Refused(new Rule("already_a_member",
                "You are already a member of this account; an administrator can change your role instead.")),
            InvitationStatus.Pending => Problems.None,
            InvitationStatus.Expired => Problems.Refused(new Rule("invitation_expired",
                "The invitation expired 14 days after it was sent; ask an administrator for a new one.")),
            _ => Problems.Conflict("invitation_not_pending", $"The invitation is already {now.Status}."),
        };
    }

    [WolverinePost("/api/v1/invitations/{invitationId}/accept")]
    public static async Task<(AcceptedInvitation, Tell)> Post(
        [NotBody] InvitationView invitation, Caller caller, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // Read for writing: a concurrent revoke or a second accept conflicts instead of both winning.
        var stream = await session.Events.FetchForWriting<Account>(invitation.AccountId, ct);
        var events = Decide(stream.Aggregate!, invitation.Id, caller);
        stream.AppendMany(events);
        var joined = events.OfType<MemberJoined>().Single();
        return (new AcceptedInvitation(joined.AccountId, joined.AccountName, joined.Role),
            new Tell(new Contract.MemberJoined(joined.AccountId, joined.AccountKind, joined.UserId, joined.Email, joined.Name, joined.Role,
                clock.GetUtcNow(), (stream.StartingVersion ?? 0) + Array.IndexOf(events, joined) + 1)));
    }

    public static object[] Decide(Account account, Guid invitationId, Caller caller)
    {
        var pending = account.Invitations.SingleOrDefault(i => i.InvitationId == invitationId)
            ?? throw new JasperFx.ConcurrencyException("The invitation changed while it was being accepted.", typeof(Account), account.Id);
        return
        [
            new InvitationAccepted(account.Id, invitationId, caller.UserId),
            new MemberJoined(account.Id, account.Kind, account.LegalName, caller.UserId, caller.Email, caller.Name, pending.Role, invitationId),
        ];
    }
}
