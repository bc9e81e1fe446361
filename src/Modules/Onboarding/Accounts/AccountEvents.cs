namespace Holded.Partners.Onboarding.Accounts;

// The account stream: the account, its subscription, its team and its place in the partner program.
// One stream, because the rules that matter ("always one administrator", "one open application",
// "preconditions hold at approval") each span several of these facts.

public sealed record ContactDetails(string Name, string Email, string? Phone);

public sealed record PostalAddress(string Street, string City, string PostalCode, string Province);

public sealed record AccountRegistered(
    Guid AccountId, string Kind, string? AdvisoryType, string? Plan, string LegalName, string TaxId,
    ContactDetails Contact, PostalAddress Address, string SubscriptionStatus, string RegisteredBy);

public sealed record SubscriptionChanged(Guid AccountId, string Status, string? Plan, string ChangedBy);

public sealed record MemberJoined(
    Guid AccountId, string AccountKind, string AccountName, string UserId, string Email, string Name, string Role,
    Guid? InvitationId);

public sealed record MemberRoleChanged(Guid AccountId, string UserId, string FromRole, string ToRole, string ChangedBy);

public sealed record MemberRemoved(Guid AccountId, string UserId, string Email, string RemovedBy);

public sealed record MemberInvited(
    Guid AccountId, string AccountName, Guid InvitationId, string Email, string Role, string InvitedBy, DateTimeOffset ExpiresAt);

public sealed record InvitationRevoked(Guid AccountId, Guid InvitationId, string RevokedBy);

public sealed record InvitationAccepted(Guid AccountId, Guid InvitationId, string UserId);

public sealed record PartnerApplicationSubmitted(
    Guid AccountId, Guid ApplicationId, string LegalName, string TaxId, string? AdvisoryType, string? Message, string SubmittedBy);

public sealed record PartnerApplicationApproved(Guid AccountId, Guid ApplicationId, string ReviewedBy);

public sealed record PartnerApplicationRejected(Guid AccountId, Guid ApplicationId, string Reason, string ReviewedBy);
