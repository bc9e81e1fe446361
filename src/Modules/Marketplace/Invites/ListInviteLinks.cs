using Holded.Partners.Marketplace.Accounts;
using Microsoft.AspNetCore.Http;

namespace Holded.Partners.Marketplace.Invites;

/// <summary>A firm's invite links, newest first, each with how many clients started through it.</summary>
public static class ListInviteLinksEndpoint
{
    public static Task<MarketplaceAccount?> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<MarketplaceAccount>(accountId, ct);

    public static ProblemDetails Validate(MarketplaceAccount? firm, int? page, int? pageSize, Caller caller) =>
        InviteLinkAccess.RequireFirmAdministrator(firm, caller) is { Status: not null } refused ? refused : Paging.Validate(page, pageSize);

    [WolverineGet("/api/v1/partners/{accountId}/invite-links")]
    public static async Task<Page<InviteLinkSummary>> Get(
        Guid accountId, int? page, int? pageSize, IQuerySession session, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var read = await session.Query<InviteLinkView>().Where(v => v.PartnerAccountId == accountId)
            .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id).ToPageAsync(page, pageSize, ct);
        var now = clock.GetUtcNow();
        return new Page<InviteLinkSummary>([.. read.Items.Select(v => InviteLinkSummary.Of(v, http.Request, now))], read.PageNumber, read.PageSize, read.Total);
    }
}
