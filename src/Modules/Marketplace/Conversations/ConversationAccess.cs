using Holded.Partners.Marketplace.Accounts;

namespace Holded.Partners.Marketplace.Conversations;

/// <summary>Who takes part in a conversation: the current members of its two accounts. Everyone else gets 404.</summary>
public static class ConversationAccess
{
    public static async Task<(ConversationView?, MarketplaceAccount?, MarketplaceAccount?)> LoadAsync(
        Guid id, IQuerySession session, CancellationToken ct)
    {
        var view = await session.LoadAsync<ConversationView>(id, ct);
        if (view is null) return (null, null, null);
        var accounts = await session.LoadManyAsync<MarketplaceAccount>(ct, view.ClientAccountId, view.PartnerAccountId);
        return (view, accounts.FirstOrDefault(a => a.Id == view.ClientAccountId), accounts.FirstOrDefault(a => a.Id == view.PartnerAccountId));
    }

    /// <summary>The caller's side, or null when they take no part.</summary>
    public static string? SideOf(Caller caller, MarketplaceAccount? client, MarketplaceAccount? partner) =>
        client?.IsMember(caller.UserId) == true ? Sides.Client
        : partner?.IsMember(caller.UserId) == true ? Sides.Partner
        : null;

    public static ProblemDetails RequireParticipant(ConversationView? view, MarketplaceAccount? client, MarketplaceAccount? partner, Caller caller) =>
        view is not null && SideOf(caller, client, partner) is not null ? Problems.None : Problems.NotFound("conversation");

}
