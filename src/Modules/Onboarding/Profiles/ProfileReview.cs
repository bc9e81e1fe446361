using JasperFx.Events;
using Marten.Events.Projections;

namespace Holded.Partners.Onboarding.Profiles;

public static class ReviewStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public static readonly IReadOnlyList<string> All = [Pending, Approved, Rejected];
}

/// <summary>One submitted revision in the reviewers' queue. Replaces: the published revision it would replace.</summary>
public sealed record ProfileReview(
    Guid Id, Guid AccountId, string? DisplayName, ProfileContent Content, Guid? Replaces, string Status,
    string SubmittedBy, DateTimeOffset SubmittedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt, string? RejectionReason);

public sealed class ProfileReviewProjection : MultiStreamProjection<ProfileReview, Guid>
{
    public ProfileReviewProjection()
    {
        Identity<ProfileRevisionSubmitted>(e => e.RevisionId);
        Identity<ProfileRevisionApproved>(e => e.RevisionId);
        Identity<ProfileRevisionRejected>(e => e.RevisionId);
    }

    public ProfileReview Create(IEvent<ProfileRevisionSubmitted> e) => new(
        e.Data.RevisionId, e.Data.AccountId, e.Data.Content.DisplayName, e.Data.Content, e.Data.Replaces, ReviewStatus.Pending,
        e.Data.SubmittedBy, e.At(), null, null, null);

    public ProfileReview Apply(IEvent<ProfileRevisionApproved> e, ProfileReview review) =>
        review with { Status = ReviewStatus.Approved, ReviewedBy = e.Data.ReviewedBy, ReviewedAt = e.At() };

    public ProfileReview Apply(IEvent<ProfileRevisionRejected> e, ProfileReview review) => review with
    {
        Status = ReviewStatus.Rejected, ReviewedBy = e.Data.ReviewedBy, ReviewedAt = e.At(), RejectionReason = e.Data.Reason,
    };
}
