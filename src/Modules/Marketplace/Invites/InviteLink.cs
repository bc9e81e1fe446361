using JasperFx.Events;

namespace Holded.Partners.Marketplace.Invites;

/// <summary>
/// A firm's administrator made an invite link: a URL with <paramref name="Token"/> and, for the same invite, a short
/// <paramref name="Code"/> a client can type. <paramref name="Label"/> is the firm's own note (where it shared it).
/// </summary>
public sealed record InviteLinkCreated(
    Guid LinkId, Guid PartnerAccountId, string Token, string Code, string? Label, DateTimeOffset? ExpiresAt, string CreatedBy);

/// <summary>A business started a conversation with the firm through the link.</summary>
public sealed record InviteLinkUsed(
    Guid LinkId, Guid PartnerAccountId, Guid ClientAccountId, string ClientName, Guid ConversationId, string UsedBy, string UsedByName);

public sealed record InviteLinkRevoked(Guid LinkId, Guid PartnerAccountId, string RevokedBy);

public static class InviteLinkStatus
{
    public const string Active = "active";
    public const string Revoked = "revoked";
    public const string Expired = "expired";

    /// <summary>A revoked link stays revoked whatever its expiry; one past its expiry is expired, never active again.</summary>
    public static string Of(bool revoked, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        revoked ? Revoked : expiresAt <= now ? Expired : Active;
}

/// <summary>What a use or a revoke decides on: whose link it is, and whether it still works. Immutable, like every aggregate.</summary>
public sealed record InviteLink(Guid Id, Guid PartnerAccountId, DateTimeOffset? ExpiresAt, bool Revoked, int Uses)
{
    public static InviteLink Create(InviteLinkCreated e) => new(e.LinkId, e.PartnerAccountId, e.ExpiresAt, false, 0);
    public InviteLink Apply(InviteLinkUsed _) => this with { Uses = Uses + 1 };
    public InviteLink Apply(InviteLinkRevoked _) => this with { Revoked = true };

    public string StatusAt(DateTimeOffset now) => InviteLinkStatus.Of(Revoked, ExpiresAt, now);
}
