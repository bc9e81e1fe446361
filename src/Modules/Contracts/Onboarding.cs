namespace Holded.Partners.Contracts.Onboarding;

// What Onboarding tells the other modules. Records only; names and shapes are a contract: add, never rename.
// Version is the account stream's version at that fact: copies of an account keep, per fact, the newest they heard.

/// <summary>An account exists: kind is "advisory" or "business"; plan only for business accounts.</summary>
public sealed record AccountOpened(
    Guid AccountId, string Kind, string LegalName, string? AdvisoryType, string? Plan,
    string SubscriptionStatus, string Province, DateTimeOffset At, long Version);

public sealed record SubscriptionChanged(Guid AccountId, string Kind, string Status, string? Plan, DateTimeOffset At, long Version);

public sealed record MemberJoined(Guid AccountId, string AccountKind, string UserId, string Email, string Name, string Role, DateTimeOffset At, long Version);

public sealed record MemberRoleChanged(Guid AccountId, string UserId, string FromRole, string ToRole, string ChangedBy, DateTimeOffset At, long Version);

/// <summary>Everything that member could do through this account ends now.</summary>
public sealed record MemberRemoved(Guid AccountId, string UserId, string Email, string RemovedBy, DateTimeOffset At, long Version);

public sealed record MemberInvited(Guid AccountId, Guid InvitationId, string Email, string Role, string InvitedBy, DateTimeOffset ExpiresAt);

/// <summary>What a reviewer decided of an application (<see cref="PartnerApplicationDecided.Outcome"/>).</summary>
public static class ApplicationOutcomes
{
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}

public sealed record PartnerApplicationDecided(Guid AccountId, Guid ApplicationId, string Outcome, string? Reason, DateTimeOffset At);

/// <summary>The firm is now a partner of the program.</summary>
public sealed record PartnerAccepted(Guid AccountId, string LegalName, string AdvisoryType, DateTimeOffset At);

/// <summary>An approved profile revision is live: the listing data the marketplace shows.</summary>
public sealed record PartnerProfilePublished(
    Guid AccountId, Guid RevisionId, string Slug, string DisplayName, string Description,
    IReadOnlyList<string> Services, IReadOnlyList<string> Sectors, IReadOnlyList<string> Provinces,
    IReadOnlyList<string> Languages, int? TeamSize, string? Website, string ContactEmail, string? ContactPhone,
    string? LogoUrl, IReadOnlyList<string> Credentials, DateTimeOffset PublishedAt);

public sealed record ProfileRevisionRejected(Guid AccountId, Guid RevisionId, string Reason, DateTimeOffset At);

/// <summary>
/// A question other modules ask Onboarding, answered at once from the account streams' events up to
/// <paramref name="AsOf"/> (never from a copy): who each account was and who belonged to it, when. For records that
/// must say so for a past date, such as a firm's GDPR Art. 30(2) record. Unknown accounts are left out of the answer.
/// </summary>
public sealed record AskAccountHistories(IReadOnlyList<Guid> AccountIds, DateTimeOffset AsOf);

public sealed record AccountHistories(IReadOnlyList<AccountHistory> Accounts);

/// <summary>An account as registered (name, tax id, contact, address), its plan over time and its members' roles over time.</summary>
public sealed record AccountHistory(
    Guid AccountId, string Kind, string LegalName, string TaxId, string ContactName, string ContactEmail, string? ContactPhone,
    string Street, string PostalCode, string City, string Province, DateTimeOffset RegisteredAt,
    IReadOnlyList<PlanSpell> Plans, IReadOnlyList<MemberSpell> Members);

/// <summary>A plan in force from <paramref name="From"/> until <paramref name="To"/> (null: still in force at the question's instant).</summary>
public sealed record PlanSpell(string? Plan, DateTimeOffset From, DateTimeOffset? To);

/// <summary>A person holding one role in the account from <paramref name="From"/> until <paramref name="To"/> (a role change or removal; null: still).</summary>
public sealed record MemberSpell(string UserId, string Name, string Email, string Role, DateTimeOffset From, DateTimeOffset? To);
