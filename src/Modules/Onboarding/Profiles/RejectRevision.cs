using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Profiles;

public sealed record RejectRevision(string? Reason);

/// <summary>A reviewer rejects with a reason; the published revision, if any, stays live.</summary>
public static class RejectRevisionEndpoint
{
    public static Task<(ProfileReview?, Account?)> LoadAsync(Guid revisionId, IQuerySession session, CancellationToken ct) =>
        ProfileReviewAccess.LoadAsync(revisionId, session, ct);

    public static ProblemDetails Validate(RejectRevision command, ProfileReview? review, Account? account, Caller caller)
    {
        var access = ProfileReviewAccess.RequireReviewer(review, account, caller);
        return access.Status is not null ? access : new Check().Text("reason", command.Reason, 1000, min: 3).Result();
    }

    [WolverinePost("/api/v1/profile-reviews/{revisionId}/reject")]
    public static async Task<(ProfileReview, OutgoingMessages)> Post(
        RejectRevision command, [NotBody] ProfileReview review, Caller caller, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await ProfileReviewAccess.FetchPendingAsync(session, review, ct);
        var rejected = new ProfileRevisionRejected(stream.Id, review.AccountId, review.Id, command.Reason!.Trim(), caller.UserId);
        stream.AppendOne(rejected);
        var now = clock.GetUtcNow();
        return (review with { Status = ReviewStatus.Rejected, ReviewedBy = rejected.ReviewedBy, ReviewedAt = now, RejectionReason = rejected.Reason },
            [new Contract.ProfileRevisionRejected(review.AccountId, review.Id, rejected.Reason, now)]);
    }
}
