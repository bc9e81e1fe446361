using Holded.Partners.Marketplace.Accounts;

namespace Holded.Partners.Marketplace.Conversations;

public static class GetConversationEndpoint
{
    public static Task<(ConversationView?, MarketplaceAccount?, MarketplaceAccount?)> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        ConversationAccess.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(ConversationView? view, MarketplaceAccount? client, MarketplaceAccount? partner, ClaimsPrincipal user) =>
        ConversationAccess.RequireParticipant(view, client, partner, Caller.From(user));

    [WolverineGet("/api/v1/conversations/{id}")]
    public static ConversationView Get([NotBody] ConversationView view) => view;
}
