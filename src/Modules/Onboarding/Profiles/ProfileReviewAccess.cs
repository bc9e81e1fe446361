using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Profiles;

/// <summary>What approving and rejecting a revision share: finding it, and who may decide.</summary>
public static class ProfileReviewAccess
{
    public static async Task<(ProfileReview?, Account?)> LoadAsync(Guid revisionId, IQuerySession session, CancellationToken ct)
    {
        var review = await session.LoadAsync<ProfileReview>(revisionId, ct);
        return (review, review is null ? null : await session.LoadAsync<Account>(review.AccountId, ct));
    }

    public static ProblemDetails RequireReviewer(ProfileReview? review, Account? account, Caller caller)
    {
        if (review is null || account is null) return Problems.NotFound("profile revision");
        if (caller.Is(PlatformRoles.Reviewer) && account.IsMember(caller.UserId))
            return Problems.Forbidden("A reviewer does not decide a profile of a firm they belong to; another reviewer must.");
        if (!caller.Is(PlatformRoles.Reviewer))
            return account.IsMember(caller.UserId) || caller.IsStaff
                ? Problems.Forbidden("Only a platform reviewer approves or rejects profile revisions.")
                : Problems.NotFound("profile revision");
        return review.Status == ReviewStatus.Pending
            ? Problems.None
            : Problems.Conflict("revision_not_pending", $"The revision was already {review.Status}.");
    }

    /// <summary>The revision must still be the one waiting: a concurrent decision conflicts.</summary>
    public static async Task<JasperFx.Events.IEventStream<PartnerProfile>> FetchPendingAsync(
        IDocumentSession session, ProfileReview review, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<PartnerProfile>(PartnerProfile.IdFor(review.AccountId), ct);
        if (stream.Aggregate?.Pending?.RevisionId != review.Id)
            throw new JasperFx.ConcurrencyException("The revision was decided meanwhile.", typeof(PartnerProfile), stream.Id);
        return stream;
    }
}
