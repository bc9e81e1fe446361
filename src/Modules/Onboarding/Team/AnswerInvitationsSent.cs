using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Team;

/// <summary>The invitations a member sent that are still pending, from the account's own state (a firm's leaver view asks).</summary>
public static class AnswerInvitationsSentHandler
{
    public static async Task<Contract.InvitationsSent> Handle(Contract.AskInvitationsSent question, IQuerySession session, CancellationToken ct)
    {
        var account = await session.LoadAsync<Account>(question.AccountId, ct);
        return new Contract.InvitationsSent([.. (account?.Invitations ?? [])
            .Where(i => i.InvitedBy == question.UserId && i.ExpiresAt > question.AsOf)
            .OrderBy(i => i.ExpiresAt)
            .Select(i => new Contract.SentInvitation(i.InvitationId, i.Email, i.Role, i.ExpiresAt))]);
    }
}
