
namespace Holded.Partners.Onboarding.Profiles;

public static class ListProfileReviewsEndpoint
{
    public static ProblemDetails Validate(string? status, int? page, int? pageSize, Caller caller)
    {
        if (!caller.Is(PlatformRoles.Reviewer))
            return Problems.Forbidden("The profile review queue is for platform reviewers.");
        var paging = Paging.Validate(page, pageSize);
        return paging.Status is not null ? paging : new Check().OneOf("status", status, ReviewStatus.All, required: false).Result();
    }

    /// <summary>The reviewers' queue: pending revisions by default, oldest first.</summary>
    [WolverineGet("/api/v1/profile-reviews")]
    public static Task<Page<ProfileReview>> Get(string? status, int? page, int? pageSize, IQuerySession session, CancellationToken ct)
    {
        var wanted = status ?? ReviewStatus.Pending;
        return session.Query<ProfileReview>().Where(r => r.Status == wanted).OrderBy(r => r.SubmittedAt).ToPageAsync(page, pageSize, ct);
    }
}
