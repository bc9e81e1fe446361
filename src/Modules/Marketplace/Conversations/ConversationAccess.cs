using Holded.Partners.Marketplace.Accounts;

namespace Holded.Partners.Marketplace.Conversations;

/// <summary>A conversation, its two accounts and the collaborations that came from it, as one value.</summary>
public sealed record Participants(
    ConversationView View, MarketplaceAccount? Client, MarketplaceAccount? Partner, IReadOnlyList<MarketplaceCollaboration> Collaborations)
{
    /// <summary>The caller's side, or null when they take no part.</summary>
    public string? SideOf(Caller caller) =>
        Client?.IsMember(caller.UserId) == true ? Sides.Client
        : Partner is not null && ConversationAccess.FirmSideTakesPart(Partner, Collaborations, caller.UserId) ? Sides.Partner
        : null;
}

/// <summary>
/// Who takes part in a conversation. The business's side: its current members. The firm's side, while no collaboration
/// came of it: every current member (a prospect is the whole team's, as an inbox is); once one has started: the firm's
/// administrators and the account managers assigned to a collaboration of it still running (step 8: an account
/// manager reaches only the clients assigned to them). Everyone else gets 404.
/// </summary>
public static class ConversationAccess
{
    public static async Task<Participants?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct)
    {
        var view = await session.LoadAsync<ConversationView>(id, ct);
        if (view is null) return null;
        var accounts = await session.LoadManyAsync<MarketplaceAccount>(ct, view.ClientAccountId, view.PartnerAccountId);
        var collaborations = await session.Query<MarketplaceCollaboration>().Where(c => c.ConversationId == id).ToListAsync(ct);
        return new Participants(view, accounts.FirstOrDefault(a => a.Id == view.ClientAccountId),
            accounts.FirstOrDefault(a => a.Id == view.PartnerAccountId), collaborations);
    }

    public static bool FirmSideTakesPart(MarketplaceAccount firm, IReadOnlyCollection<MarketplaceCollaboration> collaborations, string userId) =>
        firm.IsMember(userId) && (collaborations.Count == 0 || firm.IsManagedBy(userId) || collaborations.Any(c => c.Active && c.IsManager(userId)));

    public static ProblemDetails RequireParticipant(Participants? parties, Caller caller) =>
        parties?.SideOf(caller) is not null ? Problems.None : Problems.NotFound("conversation");
}
