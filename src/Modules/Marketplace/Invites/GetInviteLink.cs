using Holded.Partners.Marketplace.Accounts;
using Microsoft.AspNetCore.Http;

namespace Holded.Partners.Marketplace.Invites;

/// <summary>One of the firm's invite links. Another firm's link, to this firm, does not exist.</summary>
public static class GetInviteLinkEndpoint
{
    public static async Task<(MarketplaceAccount?, InviteLinkView?)> LoadAsync(Guid accountId, Guid linkId, IQuerySession session, CancellationToken ct) =>
        (await session.LoadAsync<MarketplaceAccount>(accountId, ct), await session.LoadAsync<InviteLinkView>(linkId, ct));

    public static ProblemDetails Validate(Guid accountId, MarketplaceAccount? firm, InviteLinkView? link, Caller caller) =>
        InviteLinkAccess.RequireFirmAdministrator(firm, caller) is { Status: not null } refused ? refused
        : link?.PartnerAccountId == accountId ? Problems.None : Problems.NotFound("invite link");

    [WolverineGet("/api/v1/partners/{accountId}/invite-links/{linkId}")]
    public static InviteLinkSummary Get([NotBody] InviteLinkView link, HttpContext http, TimeProvider clock) =>
        InviteLinkSummary.Of(link, http.Request, clock.GetUtcNow());
}
