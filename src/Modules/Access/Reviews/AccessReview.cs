using JasperFx.Events;

namespace Holded.Partners.Access.Reviews;

public static class ReviewLineKinds
{
    /// <summary>A member assigned to manage a client.</summary>
    public const string Assignment = "assignment";
    /// <summary>A member's role in the firm.</summary>
    public const string Role = "role";
}

public static class ReviewDecisions
{
    public const string Keep = "keep";
    public const string Remove = "remove";
    public static readonly IReadOnlyList<string> All = [Keep, Remove];
}

public static class ReviewStatus
{
    public const string Open = "open";
    public const string Completed = "completed";
}

/// <summary>Why a line ended as it did (<see cref="ReviewLine.Reason"/>).</summary>
public static class ReviewReasons
{
    public const string Confirmed = "confirmed";
    public const string RemovedInReview = "removed_in_review";
    /// <summary>Not decided by the deadline: removed.</summary>
    public const string NotConfirmed = "not_confirmed";
    public const string LastAdministrator = "last_administrator";
    public const string ReviewerOwnRole = "reviewer_own_role";
    /// <summary>Ended before the review did (the member left, or was unassigned another way): nothing left to remove.</summary>
    public const string AlreadyEnded = "already_ended";
    /// <summary>An assignment of a member the review removes from the firm: it ends with the removal.</summary>
    public const string EndsWithMember = "ends_with_member";
}

/// <summary>How a review was completed (<see cref="AccessReviewCompleted.How"/>).</summary>
public static class ReviewCompletions
{
    public const string Early = "early";
    public const string Deadline = "deadline";
}

/// <summary>
/// One line to keep or remove: a member's role in the firm, or a member's assignment to a client. What it was when the
/// review started is kept on the line, so the record reads the same whatever happens to the firm afterwards.
/// </summary>
public sealed record ReviewLine(
    Guid LineId, string Kind, string UserId, string MemberName, string Role, Guid? CollaborationId, Guid? ClientAccountId, string? ClientName,
    string? Decision = null, string? DecidedBy = null, DateTimeOffset? DecidedAt = null, string? Outcome = null, string? Reason = null);

/// <param name="Scheduled">Started by the firm's review schedule (then <paramref name="StartedBy"/> is "system").</param>
public sealed record AccessReviewStarted(Guid ReviewId, Guid PartnerAccountId, string StartedBy, DateTimeOffset Deadline, IReadOnlyList<ReviewLine> Lines, bool Scheduled = false);

public sealed record ReviewLineDecided(Guid ReviewId, Guid PartnerAccountId, Guid LineId, string Decision, string By);

/// <summary>At completion, a line the review removes: the removal is sent to the module that owns it (or ends with the member's).</summary>
public sealed record ReviewRemovalApplied(
    Guid ReviewId, Guid PartnerAccountId, Guid LineId, string Kind, string UserId, string Role, Guid? CollaborationId, Guid? ClientAccountId, string Reason, string By);

/// <summary>At completion, a line to be removed that a rule keeps (the firm's last administrator, the reviewer's own role), and why.</summary>
public sealed record ReviewLineKeptByRule(
    Guid ReviewId, Guid PartnerAccountId, Guid LineId, string Kind, string UserId, string Role, Guid? CollaborationId, Guid? ClientAccountId, string Reason);

public sealed record AccessReviewCompleted(Guid ReviewId, Guid PartnerAccountId, string By, string How, int Kept, int Removed);

/// <summary>
/// A firm's access review: every member's role and every assignment to a client, each kept or removed by an
/// administrator until the deadline; what is not confirmed by then is removed. One stream per review; its fold is the
/// record the page, the API and the CSV read.
/// </summary>
public sealed record AccessReview(
    Guid Id, Guid PartnerAccountId, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset Deadline, string Status,
    IReadOnlyList<ReviewLine> Lines, DateTimeOffset? CompletedAt = null, string? CompletedBy = null, string? How = null, bool Scheduled = false)
{
    public long Version { get; set; }

    public bool Open => Status == ReviewStatus.Open;

    /// <summary>The firm's n-th review: two starts at once collide on the stream id (409).</summary>
    public static Guid IdFor(Guid firm, int number) => StableIds.For("access-review", $"{firm:N}:{number}");

    public ReviewLine? Line(Guid lineId) => Lines.FirstOrDefault(l => l.LineId == lineId);

    public static AccessReview Create(IEvent<AccessReviewStarted> e) =>
        new(e.Data.ReviewId, e.Data.PartnerAccountId, e.Data.StartedBy, e.At(), e.Data.Deadline, ReviewStatus.Open, e.Data.Lines, Scheduled: e.Data.Scheduled);

    public AccessReview Apply(IEvent<ReviewLineDecided> e) =>
        With(e.Data.LineId, l => l with { Decision = e.Data.Decision, DecidedBy = e.Data.By, DecidedAt = e.At() });

    public AccessReview Apply(ReviewRemovalApplied e) => With(e.LineId, l => l with { Outcome = ReviewDecisions.Remove, Reason = e.Reason });

    public AccessReview Apply(ReviewLineKeptByRule e) => With(e.LineId, l => l with { Outcome = ReviewDecisions.Keep, Reason = e.Reason });

    // Lines neither removed nor kept by a rule were confirmed.
    public AccessReview Apply(IEvent<AccessReviewCompleted> e) => this with
    {
        Status = ReviewStatus.Completed, CompletedAt = e.At(), CompletedBy = e.Data.By, How = e.Data.How,
        Lines = [.. Lines.Select(l => l.Outcome is null ? l with { Outcome = ReviewDecisions.Keep, Reason = ReviewReasons.Confirmed } : l)],
    };

    private AccessReview With(Guid lineId, Func<ReviewLine, ReviewLine> change) =>
        this with { Lines = [.. Lines.Select(l => l.LineId == lineId ? change(l) : l)] };
}
