using Holded.Partners.Marketplace.Accounts;

namespace Holded.Partners.Marketplace.Invites;

/// <summary>Who started through one of the firm's links: each business, when, who of it, and the conversation; newest first.</summary>
public static class ListInviteLinkUsesEndpoint
{
    public static async Task<(MarketplaceAccount?, InviteLinkView?)> LoadAsync(Guid accountId, Guid linkId, IQuerySession session, CancellationToken ct) =>
        (await session.LoadAsync<MarketplaceAccount>(accountId, ct), await session.LoadAsync<InviteLinkView>(linkId, ct));

    public static ProblemDetails Validate(Guid accountId, MarketplaceAccount? firm, InviteLinkView? link, int? page, int? pageSize, Caller caller) =>
        GetInviteLinkEndpoint.Validate(accountId, firm, link, caller) is { Status: not null } refused ? refused : Paging.Validate(page, pageSize);

    [WolverineGet("/api/v1/partners/{accountId}/invite-links/{linkId}/uses")]
    public static Task<Page<InviteLinkUse>> Get(Guid linkId, int? page, int? pageSize, IQuerySession session, CancellationToken ct) =>
        session.Query<InviteLinkUse>().Where(u => u.LinkId == linkId).OrderByDescending(u => u.At).ThenByDescending(u => u.Id)
            .ToPageAsync(page, pageSize, ct);
}
