using Holded.Partners.Access.Replicas;
using Microsoft.AspNetCore.Http;

namespace Holded.Partners.Access.Reviews;

/// <summary>A review as its list shows it: when, by whom, until when, and how it ended.</summary>
public sealed record ReviewSummary(
    Guid Id, Guid PartnerAccountId, string Status, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset Deadline,
    DateTimeOffset? CompletedAt, string? CompletedBy, string? How, int Lines, int Undecided, int Removed, bool Scheduled);

/// <summary>One review, its lines and their outcome: as JSON, or as CSV (Accept: text/csv), the downloadable record.</summary>
public static class GetAccessReviewEndpoint
{
    public static Task<ReviewOfFirm?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => ReviewAccess.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(ReviewOfFirm? review, Caller caller) => review?.Authorize(caller) ?? Problems.NotFound("access review");

    [WolverineGet("/api/v1/access-reviews/{id}")]
    public static IResult Get(Guid id, [NotBody] ReviewOfFirm review, HttpContext context) =>
        context.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase)
            ? Results.Text(ReviewCsv.Write(review.Review, review.Firm), "text/csv; charset=utf-8")
            : Results.Ok(review.Review);
}

/// <summary>The firm's reviews, newest first: the open one and the record of past ones.</summary>
public static class ListAccessReviewsEndpoint
{
    public static Task<AccessAccount?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => session.LoadAsync<AccessAccount>(id, ct);

    public static ProblemDetails Validate(AccessAccount? firm, Caller caller, int? page, int? pageSize)
    {
        var access = ReviewAccess.RequireAdministrator(firm, caller);
        return access.Status is not null ? access : Paging.Validate(page, pageSize);
    }

    [WolverineGet("/api/v1/partners/{id}/access-reviews")]
    public static async Task<Page<ReviewSummary>> Get(Guid id, int? page, int? pageSize, IQuerySession session, CancellationToken ct)
    {
        var reviews = await session.Query<AccessReview>().Where(r => r.PartnerAccountId == id).OrderByDescending(r => r.StartedAt).ToPageAsync(page, pageSize, ct);
        return new Page<ReviewSummary>([.. reviews.Items.Select(Summary)], reviews.PageNumber, reviews.PageSize, reviews.Total);
    }

    public static ReviewSummary Summary(AccessReview r) => new(
        r.Id, r.PartnerAccountId, r.Status, r.StartedBy, r.StartedAt, r.Deadline, r.CompletedAt, r.CompletedBy, r.How, r.Lines.Count,
        r.Lines.Count(l => l.Decision is null), r.Lines.Count(l => l.Outcome == ReviewDecisions.Remove), r.Scheduled);
}
