using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Profiles;

/// <param name="Live">The published revision this one would replace (null for a first profile).</param>
/// <param name="Changes">The fields the revision changes against it, by their API names, in the profile's order.</param>
public sealed record ProfileReviewDetail(ProfileReview Review, ProfileReview? Live, IReadOnlyList<string> Changes);

/// <summary>One revision for a reviewer: its content against the live revision it would replace.</summary>
public static class GetProfileReviewEndpoint
{
    public static async Task<(ProfileReview?, Account?)> LoadAsync(Guid revisionId, IQuerySession session, CancellationToken ct)
    {
        var review = await session.LoadAsync<ProfileReview>(revisionId, ct);
        return (review, review is null ? null : await session.LoadAsync<Account>(review.AccountId, ct));
    }

    /// <summary>Reviewers read it; the firm and other staff are told so; anyone else learns nothing.</summary>
    public static ProblemDetails Validate(ProfileReview? review, Account? account, Caller caller)
    {
        if (review is null || account is null) return Problems.NotFound("profile revision");
        if (caller.Is(PlatformRoles.Reviewer)) return Problems.None;
        return account.IsMember(caller.UserId) || caller.IsStaff
            ? Problems.Forbidden("Profile reviews are for platform reviewers; the firm reads its own profile at /api/v1/partners/{accountId}/profile.")
            : Problems.NotFound("profile revision");
    }

    [WolverineGet("/api/v1/profile-reviews/{revisionId}")]
    public static async Task<ProfileReviewDetail> Get(ProfileReview review, IQuerySession session, CancellationToken ct)
    {
        // The revision it replaces is itself a reviewed revision: its content is kept in the queue's own record.
        var live = review.Replaces is { } replaced ? await session.LoadAsync<ProfileReview>(replaced, ct) : null;
        return new ProfileReviewDetail(review, live, review.Content.ChangesFrom(live?.Content));
    }
}
