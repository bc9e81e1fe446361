using Holded.Partners.Access.Audit;
using JasperFx.Events;

namespace Holded.Partners.Access.Reviews;

/// <summary>An administrator completes the review before its deadline, once every line is decided: the removals are applied.</summary>
public static class CompleteAccessReviewEndpoint
{
    public static Task<(IEventStream<AccessReview>, ReviewOfFirm?)> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        DecideReviewLinesEndpoint.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(ReviewOfFirm? review, Caller caller)
    {
        if (review is null) return Problems.NotFound("access review");
        var access = review.Authorize(caller);
        if (access.Status is not null) return access;
        if (!review.Review.Open) return Problems.Conflict("access_review_completed", "The review is already completed.");
        var undecided = review.Review.Lines.Count(l => l.Decision is null);
        return undecided == 0 ? Problems.None
            : Problems.Refused(new Rule("lines_undecided", $"{undecided} line(s) are not decided yet: keep or remove each before completing (or let the deadline remove them)."));
    }

    /// <summary>Completed twice at once: both passed Validate on one version, the second commit is refused (409).</summary>
    [WolverinePost("/api/v1/access-reviews/{id}/complete")]
    public static (Committed<AccessReview>, OutgoingMessages) Post(Guid id, IEventStream<AccessReview> stream, [NotBody] ReviewOfFirm review, Caller caller, TimeProvider clock)
    {
        var (events, asked) = ReviewOutcome.Decide(review.Review, review.Firm!, caller.UserId, ReviewCompletions.Early, clock.GetUtcNow());
        stream.AppendMany(events);
        var messages = new OutgoingMessages();
        messages.AddRange(asked);
        return (Committed.Read(async (session, ct) => (await session.LoadAsync<AccessReview>(id, ct))!), messages);
    }
}

/// <summary>Scheduled at a review's deadline.</summary>
public sealed record CloseAccessReview(Guid ReviewId);

/// <summary>At the deadline, what is not confirmed is removed. Idempotent: a completed review stays as it is; an early delivery waits for the deadline.</summary>
public static class CloseAccessReviewHandler
{
    public static async Task<OutgoingMessages> Handle(CloseAccessReview m, IDocumentSession session, TimeProvider clock)
    {
        var stream = await session.Events.FetchForWriting<AccessReview>(m.ReviewId);
        var now = clock.GetUtcNow();
        if (stream.Aggregate is not { Open: true } review) return [];
        if (review.Deadline > now) return [new CloseAccessReview(m.ReviewId).ScheduledAt(review.Deadline)];
        var firm = await session.LoadAsync<Replicas.AccessAccount>(review.PartnerAccountId);
        if (firm is null) return [];
        var (events, asked) = ReviewOutcome.Decide(review, firm, AuditEntries.System, ReviewCompletions.Deadline, now);
        stream.AppendMany(events);
        var messages = new OutgoingMessages();
        messages.AddRange(asked);
        return messages;
    }
}
