using Wolverine.Marten;

namespace Holded.Partners.Marketplace.Conversations;

/// <summary>
/// A client and a firm as a pair, across all their conversations: the one open request, and whether they collaborate.
/// Read in the writer's session and stored back in the same transaction as the request's events, with optimistic
/// concurrency (inserted when new, so two first writers collide too): a change committed meanwhile makes the second
/// writer's commit fail (409), so two requests for one pair at once cannot both open. Immutable: each decision is a new
/// value stored in place of the one read.
/// </summary>
public sealed record Pairing
{
    public Guid Id { get; init; }
    public Guid? OpenRequestId { get; init; }
    public Guid? OpenRequestConversationId { get; init; }
    /// <summary>From the acceptance until the collaboration ends.</summary>
    public bool Collaborating { get; init; }
    public Guid? AgreedRequestId { get; init; }

    public static Guid IdFor(Guid clientAccountId, Guid partnerAccountId) =>
        StableIds.For("pairing", $"{clientAccountId:N}:{partnerAccountId:N}");

    public static Task<Pairing?> LoadAsync(IDocumentSession session, Conversation conversation, CancellationToken ct) =>
        session.LoadAsync<Pairing>(IdFor(conversation.ClientAccountId, conversation.PartnerAccountId), ct);

    /// <summary>The pair as read, or a new one when it never asked.</summary>
    public static Pairing Of(Conversation conversation, Pairing? read) =>
        read ?? new Pairing { Id = IdFor(conversation.ClientAccountId, conversation.PartnerAccountId) };

    /// <summary>The decided pairing in place of the one read: an insert when none was (a second insert collides), else an update checked against the version read.</summary>
    public static IMartenOp Save(Pairing? read, Pairing next) => read is null ? MartenOps.Insert(next) : MartenOps.Store(next);
}
