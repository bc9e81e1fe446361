using Holded.Partners.Marketplace.Conversations;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Holded.Partners.Marketplace.Responsiveness;

/// <summary>
/// How a firm answered one conversation: when the business first asked (a message or a collaboration request) and
/// when the firm first answered it (a message, or a decision on the request). Read by <see cref="PartnerResponsivenessEndpoint"/>.
/// </summary>
public sealed record ConversationResponse(Guid Id, Guid PartnerAccountId, DateTimeOffset? AskedAt, DateTimeOffset? AnsweredAt);

/// <summary>
/// Asynchronous: a firm's response times may lag its conversations by a moment, and rebuilding them never holds up a
/// conversation. When its rules change, raise <see cref="ProjectionBase.ProjectionVersion"/>: the new release's nodes
/// build the new version in its own table beside the live one (README, "Changing a projection").
/// </summary>
public sealed class ConversationResponseProjection : SingleStreamProjection<ConversationResponse, Guid>
{
    public const string ProjectionName = "ConversationResponse";

    public ConversationResponseProjection() => Name = ProjectionName;

    public ConversationResponse Create(ConversationOpened e) => new(e.ConversationId, e.PartnerAccountId, null, null);

    public ConversationResponse Apply(IEvent<MessagePosted> e, ConversationResponse response) =>
        e.Data.Side == Sides.Client ? Asked(response, e.At()) : Answered(response, e.At());

    public ConversationResponse Apply(IEvent<CollaborationRequested> e, ConversationResponse response) => Asked(response, e.At());

    public ConversationResponse Apply(IEvent<CollaborationRequestAccepted> e, ConversationResponse response) => Answered(response, e.At());

    public ConversationResponse Apply(IEvent<CollaborationRequestDeclined> e, ConversationResponse response) => Answered(response, e.At());

    private static ConversationResponse Asked(ConversationResponse r, DateTimeOffset at) => r with { AskedAt = r.AskedAt ?? at };

    // A firm writing first has not answered anything yet.
    private static ConversationResponse Answered(ConversationResponse r, DateTimeOffset at) =>
        r.AskedAt is null || r.AnsweredAt is not null ? r : r with { AnsweredAt = at };
}
