using Holded.Partners.Marketplace.Accounts;

namespace Holded.Partners.Marketplace.Conversations;

/// <summary>A conversation and its two accounts, as one value: who takes part is read from both.</summary>
public sealed record Participants(ConversationView View, MarketplaceAccount? Client, MarketplaceAccount? Partner)
{
    /// <summary>The caller's side, or null when they take no part.</summary>
    public string? SideOf(Caller caller) =>
        Client?.IsMember(caller.UserId) == true ? Sides.Client
        : Partner?.IsMember(caller.UserId) == true ? Sides.Partner
        : null;
}

/// <summary>Who takes part in a conversation: the current members of its two accounts. Everyone else gets 404.</summary>
public static class ConversationAccess
{
    public static async Task<Participants?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct)
    {
        var view = await session.LoadAsync<ConversationView>(id, ct);
        if (view is null) return null;
        var accounts = await session.LoadManyAsync<MarketplaceAccount>(ct, view.ClientAccountId, view.PartnerAccountId);
        return new Participants(view, accounts.FirstOrDefault(a => a.Id == view.ClientAccountId),
            accounts.FirstOrDefault(a => a.Id == view.PartnerAccountId));
    }

    public static ProblemDetails RequireParticipant(Participants? parties, Caller caller) =>
        parties?.SideOf(caller) is not null ? Problems.None : Problems.NotFound("conversation");
}
