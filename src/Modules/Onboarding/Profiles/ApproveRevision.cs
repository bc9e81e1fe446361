using System.Globalization;
using System.Text;
using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Profiles;

/// <summary>A reviewer approves: the revision is published and replaces the previous listing.</summary>
public static class ApproveRevisionEndpoint
{
    public static Task<(ProfileReview?, Account?)> LoadAsync(Guid revisionId, IQuerySession session, CancellationToken ct) =>
        ProfileReviewAccess.LoadAsync(revisionId, session, ct);

    public static ProblemDetails Validate(ProfileReview? review, Account? account, Caller caller) =>
        ProfileReviewAccess.RequireReviewer(review, account, caller);

    [WolverinePost("/api/v1/profile-reviews/{revisionId}/approve")]
    public static async Task<(ProfileReview, OutgoingMessages)> Post(
        [NotBody] ProfileReview review, Caller caller, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await ProfileReviewAccess.FetchPendingAsync(session, review, ct);
        var profile = stream.Aggregate!;
        var content = profile.Pending!.Content;
        var approved = new ProfileRevisionApproved(profile.Id, profile.AccountId, review.Id, content,
            profile.Slug ?? Slug(content.DisplayName!, profile.AccountId), caller.UserId);
        stream.AppendOne(approved);
        var now = clock.GetUtcNow();
        return (review with { Status = ReviewStatus.Approved, ReviewedBy = approved.ReviewedBy, ReviewedAt = now },
            [Published(approved, now)]);
    }

    public static Contract.PartnerProfilePublished Published(ProfileRevisionApproved e, DateTimeOffset at) => new(
        e.AccountId, e.RevisionId, e.Slug, e.Content.DisplayName!, e.Content.Description!, e.Content.Services, e.Content.Sectors,
        e.Content.Provinces, e.Content.Languages, e.Content.TeamSize, e.Content.Website, e.Content.ContactEmail!,
        e.Content.ContactPhone, e.Content.LogoUrl, e.Content.Credentials, at);

    /// <summary>Set at the first approval and kept, so links to the directory page never break.</summary>
    public static string Slug(string displayName, Guid accountId)
    {
        var plain = new StringBuilder();
        foreach (var c in displayName.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var words = plain.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries);
        var stem = string.Join('-', words);
        if (stem.Length > 60) stem = stem[..60].TrimEnd('-');
        return $"{(stem.Length == 0 ? "partner" : stem)}-{accountId.ToString("N")[^6..]}";
    }
}
