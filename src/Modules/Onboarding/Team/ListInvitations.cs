using Holded.Partners.Onboarding.Accounts;
using Wolverine.Http.Marten;

namespace Holded.Partners.Onboarding.Team;

public static class ListInvitationsEndpoint
{
    public static ProblemDetails Validate(Account account, Caller caller, string? status, int? page, int? pageSize)
    {
        var access = AccountAccess.RequireManager(account, caller);
        if (access.Status is not null) return access;
        var paging = Paging.Validate(page, pageSize);
        return paging.Status is not null ? paging : new Check().OneOf("status", status, InvitationStatus.All, required: false).Result();
    }

    /// <summary>The account's invitations, newest first; pending by default.</summary>
    [WolverineGet("/api/v1/accounts/{id}/invitations")]
    public static async Task<Page<InvitationView>> Get(
        [Document] Account account, string? status, int? page, int? pageSize, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var query = session.Query<InvitationView>().Where(i => i.AccountId == account.Id);
        query = (status ?? InvitationStatus.Pending) switch
        {
            InvitationStatus.Pending => query.Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt > now),
            InvitationStatus.Expired => query.Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt <= now),
            var stored => query.Where(i => i.Status == stored),
        };
        var result = await query.OrderByDescending(i => i.InvitedAt).ToPageAsync(page, pageSize, ct);
        return result with { Items = result.Items.Select(i => i.AsOf(now)).ToList() };
    }
}
