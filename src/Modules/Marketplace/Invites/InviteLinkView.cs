using JasperFx.Events;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using Microsoft.AspNetCore.Http;

namespace Holded.Partners.Marketplace.Invites;

/// <summary>An invite link as its firm reads it, and how it is found by its token or code (unique indexes).</summary>
public sealed record InviteLinkView(
    Guid Id, Guid PartnerAccountId, string Token, string Code, string? Label, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string? RevokedBy, int UseCount, DateTimeOffset? LastUsedAt);

public sealed class InviteLinkViewProjection : SingleStreamProjection<InviteLinkView, Guid>
{
    public InviteLinkView Create(IEvent<InviteLinkCreated> e) => new(e.Data.LinkId, e.Data.PartnerAccountId, e.Data.Token, e.Data.Code,
        e.Data.Label, e.At(), e.Data.CreatedBy, e.Data.ExpiresAt, null, null, 0, null);

    public InviteLinkView Apply(IEvent<InviteLinkUsed> e, InviteLinkView view) => view with { UseCount = view.UseCount + 1, LastUsedAt = e.At() };

    public InviteLinkView Apply(IEvent<InviteLinkRevoked> e, InviteLinkView view) => view with { RevokedAt = e.At(), RevokedBy = e.Data.RevokedBy };
}

/// <summary>
/// One use of a link: which business started, when, and the conversation it started. One document per use, so a link
/// used a thousand times is read a page at a time.
/// </summary>
public sealed record InviteLinkUse(
    Guid Id, Guid LinkId, Guid PartnerAccountId, Guid ClientAccountId, string ClientName, Guid ConversationId, string UsedBy, string UsedByName,
    DateTimeOffset At);

public sealed partial class InviteLinkUseProjection : EventProjection
{
    public InviteLinkUse Create(IEvent<InviteLinkUsed> e) => new(e.Id, e.Data.LinkId, e.Data.PartnerAccountId, e.Data.ClientAccountId,
        e.Data.ClientName, e.Data.ConversationId, e.Data.UsedBy, e.Data.UsedByName, e.At());
}

/// <summary>A link as the API answers it to its firm: the URL to share, the code to type, where it stands, how often it was used.</summary>
public sealed record InviteLinkSummary(
    Guid Id, Guid PartnerAccountId, string? Label, string Url, string Token, string Code, string Status, DateTimeOffset CreatedAt,
    string CreatedBy, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string? RevokedBy, int UseCount, DateTimeOffset? LastUsedAt)
{
    /// <summary>The link's page for a business, on the host the caller reached (the in-process pages pass theirs on).</summary>
    public static string UrlFor(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{PathFor(token)}";

    public static string PathFor(string token) => $"/invite/{token}";

    public static InviteLinkSummary Of(InviteLinkView v, HttpRequest request, DateTimeOffset now) => new(v.Id, v.PartnerAccountId, v.Label,
        UrlFor(request, v.Token), v.Token, v.Code, InviteLinkStatus.Of(v.RevokedAt is not null, v.ExpiresAt, now), v.CreatedAt, v.CreatedBy,
        v.ExpiresAt, v.RevokedAt, v.RevokedBy, v.UseCount, v.LastUsedAt);
}
