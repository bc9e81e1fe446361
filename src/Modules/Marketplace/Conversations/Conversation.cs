using JasperFx.Events;

namespace Holded.Partners.Marketplace.Conversations;

/// <summary>The contract's words for the two sides of a conversation.</summary>
public static class Sides
{
    public const string Client = Contracts.Sides.Client;
    public const string Partner = Contracts.Sides.Partner;
}

public sealed record ConversationOpened(
    Guid ConversationId, Guid ClientAccountId, string ClientName, Guid PartnerAccountId, string PartnerName, string OpenedBy);

public sealed record MessagePosted(Guid ConversationId, Guid MessageId, string Side, string AuthorUserId, string AuthorName, string Text);

public sealed record CollaborationRequested(Guid ConversationId, Guid RequestId, string RequestedBy, string? Message);

public sealed record CollaborationRequestAccepted(Guid ConversationId, Guid RequestId, string AcceptedBy);

public sealed record CollaborationRequestDeclined(Guid ConversationId, Guid RequestId, string DeclinedBy, string Reason);

/// <summary>A request and what became of it: "requested", then "accepted" or "declined".</summary>
public sealed record RequestState(Guid RequestId, string Status, string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, string? Reason);

/// <summary>
/// A business and a firm talking; at most one collaboration request open at a time. Immutable, like every aggregate.
/// Messages change nothing its rules read, so it does not follow them: writing a message leaves the snapshot alone, and
/// a rebuild reads only the few events that shape it. (Writers take the stream's version from the stream, not from here.)
/// </summary>
public sealed record Conversation(
    Guid Id, Guid ClientAccountId, string ClientName, Guid PartnerAccountId, string PartnerName, RequestState? Request)
{
    public bool RequestOpen => Request?.Status == RequestStatus.Requested;

    public static Conversation Create(ConversationOpened e) =>
        new(e.ConversationId, e.ClientAccountId, e.ClientName, e.PartnerAccountId, e.PartnerName, null);

    public Conversation Apply(IEvent<CollaborationRequested> e) =>
        this with { Request = new RequestState(e.Data.RequestId, RequestStatus.Requested, e.Data.RequestedBy, e.At(), null, null) };

    public Conversation Apply(CollaborationRequestAccepted e) =>
        this with { Request = Request! with { Status = RequestStatus.Accepted, DecidedBy = e.AcceptedBy } };

    public Conversation Apply(CollaborationRequestDeclined e) =>
        this with { Request = Request! with { Status = RequestStatus.Declined, DecidedBy = e.DeclinedBy, Reason = e.Reason } };
}

public static class RequestStatus
{
    public const string None = "none";
    public const string Requested = "requested";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public static readonly IReadOnlyList<string> All = [None, Requested, Accepted, Declined];
}
