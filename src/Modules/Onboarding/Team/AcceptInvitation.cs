using Holded.Partners.Onboarding.Accounts;
using JasperFx.Events;

namespace Holded.Partners.Onboarding.Team;

public sealed record AcceptedInvitation(Guid AccountId, string AccountName, string Role);

/// <summary>The invited person, signed in with the invited email, joins the account with the invited role.</summary>
public static class AcceptInvitationEndpoint
{
    /// <summary>
    /// The invitation (to find its account) and the account's stream, read once for writing: the rules read the
    /// invitation as the account holds it, and the stream's version guards the commit, so a revoke or a second accept
    /// committed meanwhile makes this one conflict (409).
    /// </summary>
    public static async Task<(InvitationView?, IEventStream<Account>?)> LoadAsync(Guid invitationId, IDocumentSession session, CancellationToken ct)
    {
        var invitation = await session.LoadAsync<InvitationView>(invitationId, ct);
        return (invitation, invitation is null ? null : await session.Events.FetchForWriting<Account>(invitation.AccountId, ct));
    }

    /// <summary>Only the invited email sees the invitation; to anyone else it does not exist.</summary>
    public static ProblemDetails Validate(InvitationView? invitation, IEventStream<Account>? stream, Caller caller, TimeProvider clock)
    {
        if (invitation is null || stream?.Aggregate is not { } account || !invitation.IsFor(caller))
            return Problems.NotFound("invitation");
        if (account.Invitations.SingleOrDefault(i => i.InvitationId == invitation.Id) is not { } pending)
            return Problems.Conflict("invitation_not_pending", invitation.Status == InvitationStatus.Pending
                ? "The invitation was closed meanwhile."
                : $"The invitation is already {invitation.Status}.");
        if (pending.ExpiresAt <= clock.GetUtcNow())
            return Problems.Refused(new Rule("invitation_expired",
                "The invitation expired 14 days after it was sent; ask an administrator for a new one."));
        return account.IsMember(caller.UserId)
            ? Problems.Refused(new Rule("already_a_member", "You are already a member of this account; an administrator can change your role instead."))
            : Problems.None;
    }

    /// <summary>What accepting records: the invitation closed, and the person joined with the invited role.</summary>
    public static object[] Decide(Account account, Guid invitationId, Caller caller)
    {
        var pending = account.Invitations.Single(i => i.InvitationId == invitationId);
        return
        [
            new InvitationAccepted(account.Id, invitationId, caller.UserId),
            new MemberJoined(account.Id, account.Kind, account.LegalName, caller.UserId, caller.Email, caller.Name, pending.Role, invitationId),
        ];
    }

    /// <summary>The membership as committed (see <see cref="Committed{TAggregate}"/>).</summary>
    public static Committed<AcceptedInvitation> Answer(Guid accountId, string userId) => Committed.Read(async (session, ct) =>
        await session.LoadAsync<Account>(accountId, ct) is { } account ? new AcceptedInvitation(account.Id, account.LegalName, account.MemberFor(userId)!.Role) : null!);

    [WolverinePost("/api/v1/invitations/{invitationId}/accept")]
    public static (Committed<AcceptedInvitation>, Tell) Post(
        [NotBody] InvitationView invitation, IEventStream<Account> stream, Caller caller, TimeProvider clock)
    {
        var events = Decide(stream.Aggregate!, invitation.Id, caller);
        stream.AppendMany(events);
        var joined = events.OfType<MemberJoined>().Single();
        return (Answer(stream.Id, caller.UserId),
            new Tell(new Contract.MemberJoined(joined.AccountId, joined.AccountKind, joined.UserId, joined.Email, joined.Name, joined.Role,
                clock.GetUtcNow(), (stream.StartingVersion ?? 0) + Array.IndexOf(events, joined) + 1)));
    }
}
