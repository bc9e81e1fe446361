using JasperFx.Events;

namespace Holded.Partners.Access.Reviews;

/// <summary>
/// A firm administrator set (or, with no <paramref name="EveryDays"/>, cleared) when the firm's reviews start by
/// themselves: every <paramref name="EveryDays"/> days, each with <paramref name="DeadlineDays"/> days to decide, the
/// first at <paramref name="NextDueAt"/>.
/// </summary>
public sealed record AccessReviewScheduleSet(Guid PartnerAccountId, int? EveryDays, int? DeadlineDays, DateTimeOffset? NextDueAt, string By);

/// <summary>
/// A scheduled review came due: it started (<paramref name="ReviewId"/>), or was skipped because one was still open
/// (<paramref name="SkippedBecause"/>); the next is due at <paramref name="NextDueAt"/>.
/// </summary>
public sealed record ScheduledAccessReviewDue(Guid PartnerAccountId, DateTimeOffset DueAt, Guid? ReviewId, string? SkippedBecause, DateTimeOffset NextDueAt);

/// <summary>
/// Scheduled at a review's due time. <paramref name="Generation"/> is the schedule's setting it was scheduled under: a
/// message from a setting since changed, or for a due time already handled, is ignored.
/// </summary>
public sealed record StartScheduledAccessReview(Guid PartnerAccountId, int Generation, DateTimeOffset DueAt);

/// <summary>
/// A firm's review schedule, on a stream whose id derives from the firm's. <see cref="Generation"/> counts its settings,
/// so only the message of the setting in force starts a review; <see cref="NextDueAt"/> is when the next one starts.
/// </summary>
public sealed record AccessReviewSchedule(
    Guid Id, Guid PartnerAccountId, int? EveryDays, int? DeadlineDays, DateTimeOffset? NextDueAt, int Generation,
    string? SetBy = null, DateTimeOffset? SetAt = null, DateTimeOffset? LastDueAt = null, Guid? LastReviewId = null, string? LastSkippedBecause = null)
{
    public long Version { get; set; }

    public static Guid IdFor(Guid firm) => StableIds.For("access-review-schedule", firm);

    public bool Due(StartScheduledAccessReview m) => EveryDays is not null && Generation == m.Generation && NextDueAt == m.DueAt;

    public static AccessReviewSchedule Create(IEvent<AccessReviewScheduleSet> e) =>
        new(IdFor(e.Data.PartnerAccountId), e.Data.PartnerAccountId, e.Data.EveryDays, e.Data.DeadlineDays, e.Data.NextDueAt, 1, e.Data.By, e.At());

    public AccessReviewSchedule Apply(IEvent<AccessReviewScheduleSet> e) => this with
    {
        EveryDays = e.Data.EveryDays, DeadlineDays = e.Data.DeadlineDays, NextDueAt = e.Data.NextDueAt, Generation = Generation + 1,
        SetBy = e.Data.By, SetAt = e.At(),
    };

    public AccessReviewSchedule Apply(ScheduledAccessReviewDue e) => this with
    {
        NextDueAt = e.NextDueAt, LastDueAt = e.DueAt, LastReviewId = e.ReviewId, LastSkippedBecause = e.SkippedBecause,
    };
}
