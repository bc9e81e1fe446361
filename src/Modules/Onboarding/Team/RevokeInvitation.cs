using Holded.Partners.Onboarding.Accounts;
using Microsoft.AspNetCore.Http;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace Holded.Partners.Onboarding.Team;

public static class RevokeInvitationEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        Guid invitationId, Account account, Caller caller, IQuerySession session, CancellationToken ct)
    {
        var access = AccountAccess.RequireManager(account, caller);
        if (access.Status is not null) return access;
        // Decided on the account being written: a pending invitation may be revoked (the stream's version guards the
        // commit). The view only says which refusal it is otherwise: unknown here (404) or already closed (409).
        if (account.Invitations.Any(i => i.InvitationId == invitationId)) return Problems.None;

        var view = await session.LoadAsync<InvitationView>(invitationId, ct);
        return view is null || view.AccountId != account.Id
            ? Problems.NotFound("invitation")
            : Problems.Conflict("invitation_not_pending", $"The invitation is already {view.Status}; only a pending invitation can be revoked.");
    }

    [WolverineDelete("/api/v1/accounts/{id}/invitations/{invitationId}")]
    public static (IResult, Events) Delete(Guid invitationId, [Aggregate] Account account, Caller caller) =>
        (Results.NoContent(), [new InvitationRevoked(account.Id, invitationId, caller.UserId)]);
}
