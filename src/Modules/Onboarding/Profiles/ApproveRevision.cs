using System.Globalization;
using System.Text;
using Holded.Partners.Onboarding.Accounts;
using JasperFx.Events;

namespace Holded.Partners.Onboarding.Profiles;

/// <summary>A reviewer approves: the revision is published and replaces the previous listing.</summary>
public static class ApproveRevisionEndpoint
{
    public static Task<(ProfileReview?, IEventStream<Account>?, IEventStream<PartnerProfile>?)> LoadAsync(
        Guid revisionId, IDocumentSession session, CancellationToken ct) => ProfileReviewAccess.LoadAsync(revisionId, session, ct);

    public static ProblemDetails Validate(ProfileReview? review, IEventStream<Account>? account, IEventStream<PartnerProfile>? profile, Caller caller) =>
        ProfileReviewAccess.RequireReviewer(review, account?.Aggregate, profile?.Aggregate, caller);

    public static ProfileRevisionApproved Decide(PartnerProfile profile, Caller caller)
    {
        var pending = profile.Pending!;
        return new ProfileRevisionApproved(profile.Id, profile.AccountId, pending.RevisionId, pending.Content,
            profile.Slug ?? Slug(pending.Content.DisplayName!, profile.AccountId), caller.UserId);
    }

    public static Committed<ProfileReview> Answer(Guid revisionId) => Committed.Read((session, ct) => ProfileReviewAccess.CommittedAsync(revisionId, session, ct));

    [WolverinePost("/api/v1/profile-reviews/{revisionId}/approve")]
    public static (Committed<ProfileReview>, OutgoingMessages) Post(IEventStream<PartnerProfile> profile, Caller caller, TimeProvider clock)
    {
        var approved = Decide(profile.Aggregate!, caller);
        profile.AppendOne(approved);
        return (Answer(approved.RevisionId), [Published(approved, clock.GetUtcNow())]);
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
