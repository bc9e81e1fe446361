namespace Holded.Partners.Marketplace.Conversations;

/// <summary>
/// A client and a firm as a pair, across all their conversations: the one open request, and whether they collaborate.
/// Written in the same transaction as the request's events, with optimistic concurrency, so two requests for one pair
/// at once cannot both open.
/// </summary>
public sealed class Pairing
{
    public Guid Id { get; set; }
    public Guid? OpenRequestId { get; set; }
    public Guid? OpenRequestConversationId { get; set; }
    /// <summary>From the acceptance until the collaboration ends.</summary>
    public bool Collaborating { get; set; }
    public Guid? AgreedRequestId { get; set; }

    public static Guid IdFor(Guid clientAccountId, Guid partnerAccountId) =>
        StableIds.For("pairing", $"{clientAccountId:N}:{partnerAccountId:N}");
}
