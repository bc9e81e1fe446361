namespace Holded.Partners.Contracts.Access;

// What an access review asks the modules that own what it removes. Each is handled idempotently by its owner, on a
// durable local queue: a duplicate, or a removal already made another way, changes nothing.

/// <summary>
/// An access review removed a member's assignment to a client: the Collaboration module unassigns them (reason
/// "access_review") unless they are no longer assigned.
/// </summary>
public sealed record UnassignReviewedManager(Guid ReviewId, Guid CollaborationId, Guid PartnerAccountId, string UserId, string By, DateTimeOffset At);

/// <summary>
/// An access review removed a member's role in the firm: Onboarding removes them from the firm as an administrator's
/// removal does (the same rule keeps the firm's last administrator), unless they are no longer a member.
/// </summary>
public sealed record RemoveReviewedMember(Guid ReviewId, Guid PartnerAccountId, string UserId, string By, DateTimeOffset At);

/// <summary>
/// A firm's access review started, by an administrator or by the firm's schedule (<paramref name="Scheduled"/>): the
/// firm's administrators are told, since what none of them confirms by <paramref name="Deadline"/> is removed.
/// </summary>
public sealed record AccessReviewStarted(Guid ReviewId, Guid PartnerAccountId, string StartedBy, DateTimeOffset Deadline, int Lines, bool Scheduled, DateTimeOffset At);
