using Holded.Partners.Marketplace.Accounts;

namespace Holded.Partners.Marketplace.Conversations;

public sealed record MessageView(Guid MessageId, string Side, string AuthorUserId, string AuthorName, string Text, DateTimeOffset At);

/// <summary>A conversation with its messages, oldest first.</summary>
public sealed record ConversationDetail(
    Guid Id, Guid ClientAccountId, string ClientName, Guid PartnerAccountId, string PartnerName, string OpenedBy,
    DateTimeOffset OpenedAt, DateTimeOffset LastActivityAt, int MessageCount, string RequestStatus, Guid? RequestId,
    DateTimeOffset? RequestedAt, string? DeclineReason, IReadOnlyList<MessageView> Messages);

public static class GetConversationEndpoint
{
    public static Task<Participants?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        ConversationAccess.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(Participants? parties, ClaimsPrincipal user) =>
        ConversationAccess.RequireParticipant(parties, Caller.From(user));

    [WolverineGet("/api/v1/conversations/{id}")]
    public static async Task<ConversationDetail> Get([NotBody] Participants parties, IQuerySession session, CancellationToken ct)
    {
        var v = parties.View;
        var messages = await session.Query<ConversationMessage>().Where(m => m.ConversationId == v.Id)
            .OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(ct);
        return new ConversationDetail(v.Id, v.ClientAccountId, v.ClientName, v.PartnerAccountId, v.PartnerName, v.OpenedBy, v.OpenedAt,
            v.LastActivityAt, v.MessageCount, v.RequestStatus, v.RequestId, v.RequestedAt, v.DeclineReason,
            [.. messages.Select(m => new MessageView(m.Id, m.Side, m.AuthorUserId, m.AuthorName, m.Text, m.At))]);
    }
}
