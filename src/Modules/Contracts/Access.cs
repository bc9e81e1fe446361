namespace Holded.Partners.Contracts.Access;

// What the Access module tells the other modules (Notifications above all).

public sealed record AccessGranted(Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string Role, DateTimeOffset? ExpiresAt, string By, DateTimeOffset At);

public sealed record AccessGrantChanged(
    Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string FromRole, string ToRole, DateTimeOffset? ExpiresAt, string By, DateTimeOffset At);

/// <summary>The level a member may act at in a section, weakest first.</summary>
public static class Levels
{
    public const string None = "none";
    public const string Read = "read";
    public const string Write = "write";
}

/// <summary>Why a grant ended (<see cref="AccessGrantEnded.Reason"/>).</summary>
public static class GrantEndReasons
{
    public const string Removed = "removed";
    public const string Expired = "expired";
    public const string Terminated = "terminated";
}

/// <summary>Why a grant ended: "removed" by the client, "expired", or "terminated" with the collaboration (<see cref="GrantEndReasons"/>).</summary>
public sealed record AccessGrantEnded(Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string Role, string Reason, DateTimeOffset At);

/// <summary>A grant expires in <paramref name="Days"/> days (30, 7, 1).</summary>
public sealed record AccessGrantExpiring(Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, int Days, DateTimeOffset ExpiresAt);

/// <summary>
/// A question other modules ask Access, answered at once from its state: what may this member do in this client's
/// account (through one collaboration, when named)? Per section: the level they may read at, and whether they may write.
/// </summary>
public sealed record AskMemberAccess(string UserId, Guid ClientAccountId, Guid? CollaborationId);

public sealed record MemberAccess(Guid? CollaborationId, string? Role, IReadOnlyDictionary<string, SectionAccess> Sections);

/// <summary>Many such questions at once (a table's rows, a client's firm members): the answers in the same order.</summary>
public sealed record AskMembersAccess(IReadOnlyList<AskMemberAccess> Questions);

public sealed record MembersAccess(IReadOnlyList<MemberAccess> Answers);

/// <summary>The effective level, whether writing is allowed, and Access's reason for the write decision.</summary>
public sealed record SectionAccess(string Level, bool MayWrite, string Reason);

/// <summary>A firm asked the client to extend its access until <paramref name="ExpiresAt"/>.</summary>
public sealed record AccessExtensionRequested(Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, Guid RequestId, DateTimeOffset ExpiresAt, string By, DateTimeOffset At);

/// <summary>The client answered a firm's extension request: approved (the grant now lasts until <paramref name="ExpiresAt"/>) or not.</summary>
public sealed record AccessExtensionAnswered(Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, Guid RequestId, bool Approved, DateTimeOffset ExpiresAt, string By, DateTimeOffset At);

/// <summary>
/// A firm member not assigned to the client asked for temporary access (just in time): the firm's administrators are
/// to answer, and the client's owners and admins too when <paramref name="ClientApprovalRequired"/>.
/// </summary>
public sealed record JustInTimeRequested(
    Guid RequestId, Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string UserId, string Reason,
    IReadOnlyList<string> Sections, int Hours, bool ClientApprovalRequired, DateTimeOffset At);

/// <summary>
/// One side answered a just-in-time request: approved or declined. <paramref name="ExpiresAt"/> is set when the approval
/// was the last one needed and access started.
/// </summary>
public sealed record JustInTimeAnswered(
    Guid RequestId, Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string UserId, string Side, bool Approved,
    DateTimeOffset? ExpiresAt, string By, DateTimeOffset At);

/// <summary>Just-in-time access ended: "expired", or ended early (by the requester, the firm, the client, or with what it sat on).</summary>
public sealed record JustInTimeEnded(
    Guid RequestId, Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string UserId, string Reason, bool ClientApprovalRequired,
    string By, DateTimeOffset At);
