namespace Holded.Partners.Contracts.Access;

// What the Access module tells the other modules (Notifications above all).

public sealed record AccessGranted(Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string Role, DateTimeOffset? ExpiresAt, string By, DateTimeOffset At);

public sealed record AccessGrantChanged(
    Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string FromRole, string ToRole, DateTimeOffset? ExpiresAt, string By, DateTimeOffset At);

/// <summary>Why a grant ended: "removed" by the client, "expired", or "terminated" with the collaboration.</summary>
public sealed record AccessGrantEnded(Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string Role, string Reason, DateTimeOffset At);

/// <summary>A grant expires in <paramref name="Days"/> days (30, 7, 1).</summary>
public sealed record AccessGrantExpiring(Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, int Days, DateTimeOffset ExpiresAt);
