using Holded.Partners.Marketplace.Accounts;

namespace Holded.Partners.Marketplace.Conversations;

public static class GetConversationEndpoint
{
    public static Task<Participants?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        ConversationAccess.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(Participants? parties, ClaimsPrincipal user) =>
        ConversationAccess.RequireParticipant(parties, Caller.From(user));

    [WolverineGet("/api/v1/conversations/{id}")]
    public static ConversationView Get([NotBody] Participants parties) => parties.View;
}
