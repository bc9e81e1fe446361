namespace Holded.Partners.Contracts.Onboarding;

/// <summary>
/// A question other modules ask Onboarding, answered at once from the account's own state: the invitations one member
/// sent that are still pending (not accepted, revoked or expired at <paramref name="AsOf"/>). For a firm's leaver view.
/// </summary>
public sealed record AskInvitationsSent(Guid AccountId, string UserId, DateTimeOffset AsOf);

public sealed record InvitationsSent(IReadOnlyList<SentInvitation> Invitations);

public sealed record SentInvitation(Guid InvitationId, string Email, string Role, DateTimeOffset ExpiresAt);
