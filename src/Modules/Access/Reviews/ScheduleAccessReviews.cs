using Holded.Partners.Access.Audit;
using Holded.Partners.Access.Replicas;
using JasperFx.Events;

namespace Holded.Partners.Access.Reviews;

/// <summary><paramref name="EveryDays"/>: 30 to 365, or null to stop; <paramref name="DeadlineDays"/>: 1 to 30, fewer than <paramref name="EveryDays"/>.</summary>
public sealed record SetAccessReviewSchedule(int? EveryDays, int? DeadlineDays);

/// <summary>The firm's schedule as its page shows it: off when <see cref="EveryDays"/> is null.</summary>
public sealed record AccessReviewScheduleView(
    Guid PartnerAccountId, int? EveryDays, int? DeadlineDays, DateTimeOffset? NextDueAt, DateTimeOffset? LastDueAt, Guid? LastReviewId, string? LastSkippedBecause)
{
    public static AccessReviewScheduleView Of(Guid firm, AccessReviewSchedule? s) =>
        new(firm, s?.EveryDays, s?.DeadlineDays, s?.EveryDays is null ? null : s.NextDueAt, s?.LastDueAt, s?.LastReviewId, s?.LastSkippedBecause);
}

/// <summary>The firm's review schedule, read by its administrators.</summary>
public static class GetAccessReviewScheduleEndpoint
{
    public static Task<AccessAccount?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => session.LoadAsync<AccessAccount>(id, ct);

    public static ProblemDetails Validate(AccessAccount? firm, Caller caller) => ReviewAccess.RequireAdministrator(firm, caller);

    [WolverineGet("/api/v1/partners/{id}/access-review-schedule")]
    public static async Task<AccessReviewScheduleView> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        AccessReviewScheduleView.Of(id, await session.LoadAsync<AccessReviewSchedule>(AccessReviewSchedule.IdFor(id), ct));
}

/// <summary>
/// A firm administrator has the firm's reviews start by themselves, every so many days, the first that many days from
/// now; or stops them. A review started this way is like one started by hand, by "system", and the administrators are
/// told. Saying again what is already so records nothing.
/// </summary>
public static class SetAccessReviewScheduleEndpoint
{
    public const int MinEvery = 30, MaxEvery = 365;

    public static async Task<(IEventStream<AccessReviewSchedule>, AccessAccount?)> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        (await session.Events.FetchForWriting<AccessReviewSchedule>(AccessReviewSchedule.IdFor(id), ct), await session.LoadAsync<AccessAccount>(id, ct));

    public static ProblemDetails Validate(SetAccessReviewSchedule command, AccessAccount? firm, Caller caller)
    {
        var access = ReviewAccess.RequireAdministrator(firm, caller);
        if (access.Status is not null) return access;
        if (command.EveryDays is null)
            return new Check().That(command.DeadlineDays is null, "deadlineDays", "is only given with everyDays: leave both out to stop the schedule.").Result();
        var input = new Check()
            .Range("everyDays", command.EveryDays, MinEvery, MaxEvery, required: true)
            .Range("deadlineDays", command.DeadlineDays, StartAccessReviewEndpoint.MinDays, StartAccessReviewEndpoint.MaxDays, required: true)
            .Result();
        if (input.Status is not null) return input;
        return command.DeadlineDays < command.EveryDays ? Problems.None
            : Problems.Refused(new Rule("deadline_not_before_next", $"A review's deadline ({command.DeadlineDays} days) must end before the next review starts ({command.EveryDays} days)."));
    }

    [WolverinePut("/api/v1/partners/{id}/access-review-schedule")]
    public static (AccessReviewScheduleView, OutgoingMessages) Put(
        Guid id, SetAccessReviewSchedule command, IEventStream<AccessReviewSchedule> stream, Caller caller, TimeProvider clock)
    {
        var current = stream.Aggregate;
        var now = clock.GetUtcNow();
        // Saying again what is set records nothing, unless the next review is not ahead (then saving it restarts it).
        var ahead = current?.NextDueAt > now;
        if (current?.EveryDays == command.EveryDays && current?.DeadlineDays == command.DeadlineDays && (command.EveryDays is null || ahead))
            return (AccessReviewScheduleView.Of(id, current), []);
        // A new interval counts from now; a new deadline alone keeps the review already due.
        var due = command.EveryDays is not { } every ? (DateTimeOffset?)null
            : current?.EveryDays == every && ahead ? current!.NextDueAt : now.AddDays(every);
        var set = new AccessReviewScheduleSet(id, command.EveryDays, command.DeadlineDays, due, caller.UserId);
        stream.AppendOne(set);
        var generation = (current?.Generation ?? 0) + 1;
        var view = new AccessReviewScheduleView(id, set.EveryDays, set.DeadlineDays, due, current?.LastDueAt, current?.LastReviewId, current?.LastSkippedBecause);
        // The start is scheduled in the database, as a review's deadline is; a stopped schedule leaves no message that acts.
        return (view, due is { } at ? [new StartScheduledAccessReview(id, generation, at).ScheduledAt(at)] : []);
    }
}

/// <summary>
/// A scheduled review comes due: it starts as one started by hand does, unless one is still open (then it is skipped,
/// and the record says so); either way the next is scheduled. Idempotent: a message of an older setting, or for a due
/// time already handled, changes nothing; one delivered early waits for its time.
/// </summary>
public static class StartScheduledAccessReviewHandler
{
    public static async Task<OutgoingMessages> Handle(StartScheduledAccessReview m, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<AccessReviewSchedule>(AccessReviewSchedule.IdFor(m.PartnerAccountId), ct);
        if (stream.Aggregate is not { } schedule || !schedule.Due(m)) return [];
        var now = clock.GetUtcNow();
        if (m.DueAt > now) return [m.ScheduledAt(m.DueAt)];
        var firm = await StartAccessReviewEndpoint.LoadAsync(m.PartnerAccountId, session, ct);
        if (firm.Firm is not { Kind: AccountKinds.Advisory }) return [];

        // After a long outage the next one is counted from now, never in the past (one review, not a burst of them).
        var next = m.DueAt.AddDays(schedule.EveryDays!.Value);
        if (next <= now) next = now.AddDays(schedule.EveryDays.Value);
        var messages = new OutgoingMessages();
        Guid? started = null;
        if (firm.Open is null)
        {
            var (review, asked) = await StartAccessReviewEndpoint.Begin(firm, AuditEntries.System, schedule.DeadlineDays!.Value, scheduled: true, session, now, ct);
            session.Events.StartStream<AccessReview>(review.ReviewId, review);
            messages.AddRange(asked);
            started = review.ReviewId;
        }
        stream.AppendOne(new ScheduledAccessReviewDue(m.PartnerAccountId, m.DueAt, started, started is null ? "access_review_open" : null, next));
        messages.Add(new StartScheduledAccessReview(m.PartnerAccountId, m.Generation, next).ScheduledAt(next));
        return messages;
    }
}
