using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Holded.Partners.Marketplace.Conversations;

/// <summary>
/// A conversation as both sides read it: who, where the collaboration request stands, how many messages. The messages
/// themselves are the stream's <see cref="MessagePosted"/> events, read as they are (<see cref="GetConversationEndpoint"/>):
/// a copy kept per message would cost a write for each one, and a rebuild a million.
/// </summary>
public sealed record ConversationView(
    Guid Id, Guid ClientAccountId, string ClientName, Guid PartnerAccountId, string PartnerName, string OpenedBy,
    DateTimeOffset OpenedAt, DateTimeOffset LastActivityAt, int MessageCount, string RequestStatus, Guid? RequestId,
    DateTimeOffset? RequestedAt, string? DeclineReason);

public sealed class ConversationViewProjection : SingleStreamProjection<ConversationView, Guid>
{
    public ConversationView Create(IEvent<ConversationOpened> e) => new(
        e.Data.ConversationId, e.Data.ClientAccountId, e.Data.ClientName, e.Data.PartnerAccountId, e.Data.PartnerName,
        e.Data.OpenedBy, e.At(), e.At(), 0, Conversations.RequestStatus.None, null, null, null);

    public ConversationView Apply(IEvent<MessagePosted> e, ConversationView view) =>
        view with { MessageCount = view.MessageCount + 1, LastActivityAt = e.At() };

    public ConversationView Apply(IEvent<CollaborationRequested> e, ConversationView view) => view with
    {
        RequestStatus = Conversations.RequestStatus.Requested, RequestId = e.Data.RequestId, RequestedAt = e.At(),
        DeclineReason = null, LastActivityAt = e.At(),
    };

    public ConversationView Apply(IEvent<CollaborationRequestAccepted> e, ConversationView view) =>
        view with { RequestStatus = Conversations.RequestStatus.Accepted, LastActivityAt = e.At() };

    public ConversationView Apply(IEvent<CollaborationRequestDeclined> e, ConversationView view) =>
        view with { RequestStatus = Conversations.RequestStatus.Declined, DeclineReason = e.Data.Reason, LastActivityAt = e.At() };
}
