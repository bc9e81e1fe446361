using Holded.Partners.Marketplace.Accounts;

namespace Holded.Partners.Marketplace.Conversations;

/// <summary>
/// Who a conversation is between: its two accounts and the collaborations that came from it, as one value (Wolverine
/// binds loaded values by type). Read beside the conversation, never in place of it.
/// </summary>
public sealed record ConversationParties(
    MarketplaceAccount? Client, MarketplaceAccount? Partner, IReadOnlyList<MarketplaceCollaboration> Collaborations)
{
    /// <summary>The caller's side, or null when they take no part.</summary>
    public string? SideOf(Caller caller) =>
        Client?.IsMember(caller.UserId) == true ? Sides.Client
        : Partner is not null && ConversationAccess.FirmSideTakesPart(Partner, Collaborations, caller.UserId) ? Sides.Partner
        : null;

    public static async Task<ConversationParties> LoadAsync(
        IQuerySession session, Guid conversationId, Guid clientAccountId, Guid partnerAccountId, CancellationToken ct)
    {
        // One round trip for both: every conversation request asks this before anything else.
        var batch = session.CreateBatchQuery();
        var accounts = batch.LoadMany<MarketplaceAccount>().ById(clientAccountId, partnerAccountId);
        var collaborations = batch.Query<MarketplaceCollaboration>().Where(c => c.ConversationId == conversationId).ToList();
        await batch.Execute(ct);
        var found = await accounts;
        return new ConversationParties(found.FirstOrDefault(a => a.Id == clientAccountId),
            found.FirstOrDefault(a => a.Id == partnerAccountId), await collaborations);
    }

    /// <summary>The parties of the conversation being written, read in the writer's session.</summary>
    public static Task<ConversationParties> LoadAsync(IQuerySession session, Conversation conversation, CancellationToken ct) =>
        LoadAsync(session, conversation.Id, conversation.ClientAccountId, conversation.PartnerAccountId, ct);

    /// <summary>The parties of a conversation read through its view.</summary>
    public static Task<ConversationParties> LoadAsync(IQuerySession session, ConversationView view, CancellationToken ct) =>
        LoadAsync(session, view.Id, view.ClientAccountId, view.PartnerAccountId, ct);
}

/// <summary>
/// Who takes part in a conversation. The business's side: its current members. The firm's side, while no collaboration
/// came of it: every current member (a prospect is the whole team's, as an inbox is); once one has started: the firm's
/// administrators and the account managers assigned to a collaboration of it still running (step 8: an account
/// manager reaches only the clients assigned to them). Everyone else gets 404.
/// </summary>
public static class ConversationAccess
{
    public static bool FirmSideTakesPart(MarketplaceAccount firm, IReadOnlyCollection<MarketplaceCollaboration> collaborations, string userId) =>
        firm.IsMember(userId) && (collaborations.Count == 0 || firm.IsManagedBy(userId) || collaborations.Any(c => c.Active && c.IsManager(userId)));

    public static ProblemDetails RequireParticipant(ConversationParties? parties, Caller caller) =>
        parties?.SideOf(caller) is not null ? Problems.None : Problems.NotFound("conversation");

    /// <summary>The conversation's view as the GET answers it: read after a write commits, it is that write's answer.</summary>
    public static Committed<ConversationView> Answer(Guid id) =>
        Committed.Read<ConversationView>(async (session, ct) => (await session.LoadAsync<ConversationView>(id, ct))!);
}
