using Holded.Partners.Marketplace.Accounts;
using JasperFx.Events;

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
        // The messages are the stream's own events, in the order they were written.
        var events = await session.Events.FetchStreamAsync(v.Id, token: ct);
        return new ConversationDetail(v.Id, v.ClientAccountId, v.ClientName, v.PartnerAccountId, v.PartnerName, v.OpenedBy, v.OpenedAt,
            v.LastActivityAt, v.MessageCount, v.RequestStatus, v.RequestId, v.RequestedAt, v.DeclineReason,
            [.. events.OfType<IEvent<MessagePosted>>().Select(e =>
                new MessageView(e.Data.MessageId, e.Data.Side, e.Data.AuthorUserId, e.Data.AuthorName, e.Data.Text, e.At()))]);
    }
}
