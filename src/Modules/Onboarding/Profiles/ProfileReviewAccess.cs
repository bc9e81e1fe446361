using Holded.Partners.Onboarding.Accounts;
using JasperFx.Events;

namespace Holded.Partners.Onboarding.Profiles;

/// <summary>What approving and rejecting a revision share: finding it, the profile loaded for writing, and who may decide.</summary>
public static class ProfileReviewAccess
{
    /// <summary>
    /// The revision (to find its firm), the firm's account (the rule "a reviewer does not decide for a firm they
    /// belong to" reads it) and the profile's stream, the one written. Both streams are read for writing in this
    /// session: the profile's version guards the commit, so a decision committed meanwhile conflicts (409); the
    /// account's version is enforced at the commit though nothing is appended to it, so a reviewer who joined the
    /// firm meanwhile conflicts too.
    /// </summary>
    public static async Task<(ProfileReview?, IEventStream<Account>?, IEventStream<PartnerProfile>?)> LoadAsync(
        Guid revisionId, IDocumentSession session, CancellationToken ct)
    {
        var review = await session.LoadAsync<ProfileReview>(revisionId, ct);
        if (review is null) return (null, null, null);
        var account = await session.Events.FetchForWriting<Account>(review.AccountId, ct);
        if (account.Aggregate is null) return (review, null, null);
        account.AlwaysEnforceConsistency = true;
        return (review, account, await session.Events.FetchForWriting<PartnerProfile>(PartnerProfile.IdFor(review.AccountId), ct));
    }

    public static ProblemDetails RequireReviewer(ProfileReview? review, Account? account, PartnerProfile? profile, Caller caller)
    {
        if (review is null || account is null) return Problems.NotFound("profile revision");
        if (caller.Is(PlatformRoles.Reviewer) && account.IsMember(caller.UserId))
            return Problems.Forbidden("A reviewer does not decide a profile of a firm they belong to; another reviewer must.");
        if (!caller.Is(PlatformRoles.Reviewer))
            return account.IsMember(caller.UserId) || caller.IsStaff
                ? Problems.Forbidden("Only a platform reviewer approves or rejects profile revisions.")
                : Problems.NotFound("profile revision");
        // Decided on the profile being written: the revision must still be the one waiting.
        return profile?.Pending?.RevisionId == review.Id
            ? Problems.None
            : Problems.Conflict("revision_not_pending", review.Status == ReviewStatus.Pending
                ? "The revision was decided meanwhile."
                : $"The revision was already {review.Status}.");
    }

    /// <summary>The revision as committed: its inline view, read after the decision (see <see cref="Committed{TAggregate}"/>).</summary>
    public static async Task<ProfileReview> CommittedAsync(Guid revisionId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ProfileReview>(revisionId, ct)
        ?? throw new InvalidOperationException($"Profile revision {revisionId} vanished after its own decision.");
}
