using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Team;

/// <summary>The invited person (to decide whether to accept) and the account's managers see an invitation.</summary>
public static class GetInvitationEndpoint
{
    public static async Task<(InvitationView?, Account?)> LoadAsync(Guid invitationId, IQuerySession session, CancellationToken ct)
    {
        var invitation = await session.LoadAsync<InvitationView>(invitationId, ct);
        return (invitation, invitation is null ? null : await session.LoadAsync<Account>(invitation.AccountId, ct));
    }

    public static ProblemDetails Validate(InvitationView? invitation, Account? account, Caller caller)
    {
        if (invitation is null || account is null) return Problems.NotFound("invitation");
        return invitation.IsFor(caller) ? Problems.None : AccountAccess.RequireManager(account, caller, "invitation");
    }

    [WolverineGet("/api/v1/invitations/{invitationId}")]
    public static InvitationView Get(InvitationView invitation, TimeProvider clock) => invitation.AsOf(clock.GetUtcNow());
}
