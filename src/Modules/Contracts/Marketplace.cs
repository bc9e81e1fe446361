namespace Holded.Partners.Contracts.Marketplace;

// What the Marketplace tells the other modules.

/// <summary>A firm's administrator accepted a client's collaboration request: a collaboration is to start, exactly once.</summary>
public sealed record CollaborationAgreed(
    Guid RequestId, Guid ConversationId, Guid ClientAccountId, string ClientName, Guid PartnerAccountId, string PartnerName,
    string RequestedBy, string AcceptedBy, DateTimeOffset At);

public sealed record CollaborationRequested(
    Guid RequestId, Guid ConversationId, Guid ClientAccountId, string ClientName, Guid PartnerAccountId, string RequestedBy, DateTimeOffset At);

public sealed record CollaborationRequestDeclined(
    Guid RequestId, Guid ConversationId, Guid ClientAccountId, Guid PartnerAccountId, string Reason, string DeclinedBy, DateTimeOffset At);

public sealed record ConversationMessagePosted(
    Guid ConversationId, Guid MessageId, Guid ClientAccountId, Guid PartnerAccountId, string Side, string AuthorUserId, DateTimeOffset At);
