using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Holded.Partners.Marketplace.Conversations;

public sealed record MessageView(Guid MessageId, string Side, string AuthorUserId, string AuthorName, string Text, DateTimeOffset At);

/// <summary>A conversation as both sides read it: its messages and where the collaboration request stands.</summary>
public sealed record ConversationView(
    Guid Id, Guid ClientAccountId, string ClientName, Guid PartnerAccountId, string PartnerName, string OpenedBy,
    DateTimeOffset OpenedAt, DateTimeOffset LastActivityAt, int MessageCount, string RequestStatus, Guid? RequestId,
    DateTimeOffset? RequestedAt, string? DeclineReason, IReadOnlyList<MessageView> Messages);

public sealed class ConversationViewProjection : SingleStreamProjection<ConversationView, Guid>
{
    public ConversationView Create(IEvent<ConversationOpened> e) => new(
        e.Data.ConversationId, e.Data.ClientAccountId, e.Data.ClientName, e.Data.PartnerAccountId, e.Data.PartnerName,
        e.Data.OpenedBy, e.At(), e.At(), 0, Conversations.RequestStatus.None, null, null, null, []);

    public ConversationView Apply(IEvent<MessagePosted> e, ConversationView view) => view with
    {
        Messages = [.. view.Messages, new MessageView(e.Data.MessageId, e.Data.Side, e.Data.AuthorUserId, e.Data.AuthorName, e.Data.Text, e.At())],
        MessageCount = view.MessageCount + 1,
        LastActivityAt = e.At(),
    };

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
