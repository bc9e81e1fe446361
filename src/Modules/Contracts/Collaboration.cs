namespace Holded.Partners.Contracts.Collaboration;

// What the Collaboration module tells the other modules. Version is the collaboration stream's version at that fact:
// copies of a collaboration keep, per fact, the newest they heard.

public sealed record CollaborationStarted(
    Guid CollaborationId, Guid RequestId, Guid ConversationId, Guid ClientAccountId, Guid PartnerAccountId, DateTimeOffset At, long Version);

/// <summary>Ended by either side: every grant ends, sessions stop, managers are unassigned (<paramref name="Managers"/>: those it unassigned).</summary>
public sealed record CollaborationEnded(
    Guid CollaborationId, Guid RequestId, Guid ClientAccountId, Guid PartnerAccountId, string EndedBy, string Side, string Reason,
    IReadOnlyList<string> Managers, DateTimeOffset At, long Version);

/// <summary>
/// Scheduled by an end, at its retention's close: each module archives the streams that were only that collaboration's
/// (left out of every live read; every read model and every history read still has them).
/// </summary>
public sealed record ArchiveEndedCollaboration(Guid CollaborationId);

public sealed record ManagerAssigned(Guid CollaborationId, Guid PartnerAccountId, Guid ClientAccountId, string UserId, string AssignedBy, DateTimeOffset At, long Version);

/// <summary>Why a manager was unassigned (<see cref="ManagerUnassigned.Reason"/>).</summary>
public static class UnassignReasons
{
    public const string Unassigned = "unassigned";
    public const string MemberRemoved = "member_removed";
    public const string CollaborationEnded = "collaboration_ended";
    public const string AccessReview = "access_review";
}

/// <summary>Why: "unassigned" by an administrator, "member_removed" from the firm, or "collaboration_ended" (<see cref="UnassignReasons"/>).</summary>
public sealed record ManagerUnassigned(
    Guid CollaborationId, Guid PartnerAccountId, Guid ClientAccountId, string UserId, string Reason, DateTimeOffset At, long Version);

/// <summary>A client's pending items in one section changed: the KPI's count now and before, and whether it is shared.</summary>
public sealed record PendingWorkChanged(
    Guid ClientAccountId, string Section, string Kpi, int Pending, int PreviousPending, bool Shared, long Version, DateTimeOffset At);

/// <summary>A firm member completed a client's pending item.</summary>
public sealed record PendingItemCompleted(
    Guid ClientAccountId, Guid CollaborationId, Guid PartnerAccountId, string Section, string ItemId, string By, DateTimeOffset At);

/// <summary>
/// A question other modules ask the Collaboration module, answered at once from its streams' events up to
/// <paramref name="AsOf"/>: every collaboration of a firm that had started by then, when it ran, who managed it when, and
/// which sections' pending work the client shared when (the firm's GDPR Art. 30(2) record).
/// </summary>
public sealed record AskFirmCollaborations(Guid PartnerAccountId, DateTimeOffset AsOf);

public sealed record FirmCollaborations(IReadOnlyList<CollaborationSpan> Collaborations);

/// <summary>A collaboration from its start until its end (null: running at the question's instant), with why it ended.</summary>
public sealed record CollaborationSpan(
    Guid CollaborationId, Guid ClientAccountId, string ClientName, DateTimeOffset From, DateTimeOffset? To, string? EndReason,
    IReadOnlyList<ManagerSpell> Managers, IReadOnlyList<SharingSpell> Shared);

/// <summary>A member assigned to manage the client from <paramref name="From"/> until unassigned (null: still).</summary>
public sealed record ManagerSpell(string UserId, string Name, DateTimeOffset From, DateTimeOffset? To);

/// <summary>The sections whose pending work the client shared from <paramref name="From"/> until it chose again (null: still).</summary>
public sealed record SharingSpell(IReadOnlyList<string> Sections, DateTimeOffset From, DateTimeOffset? To);
