using Holded.Partners.Onboarding.Accounts;
using JasperFx.Events;

namespace Holded.Partners.Onboarding.Profiles;

public sealed record RejectRevision(string? Reason);

/// <summary>A reviewer rejects with a reason; the published revision, if any, stays live.</summary>
public static class RejectRevisionEndpoint
{
    public static Task<(ProfileReview?, IEventStream<Account>?, IEventStream<PartnerProfile>?)> LoadAsync(
        Guid revisionId, IDocumentSession session, CancellationToken ct) => ProfileReviewAccess.LoadAsync(revisionId, session, ct);

    public static ProblemDetails Validate(
        RejectRevision command, ProfileReview? review, IEventStream<Account>? account, IEventStream<PartnerProfile>? profile, Caller caller)
    {
        var access = ProfileReviewAccess.RequireReviewer(review, account?.Aggregate, profile?.Aggregate, caller);
        return access.Status is not null ? access : new Check().Text("reason", command.Reason, 1000, min: 3).Result();
    }

    public static ProfileRevisionRejected Decide(RejectRevision command, PartnerProfile profile, Caller caller) =>
        new(profile.Id, profile.AccountId, profile.Pending!.RevisionId, command.Reason!.Trim(), caller.UserId);

    public static Committed<ProfileReview> Answer(Guid revisionId) => Committed.Read((session, ct) => ProfileReviewAccess.CommittedAsync(revisionId, session, ct));

    [WolverinePost("/api/v1/profile-reviews/{revisionId}/reject")]
    public static (Committed<ProfileReview>, OutgoingMessages) Post(
        RejectRevision command, IEventStream<PartnerProfile> profile, Caller caller, TimeProvider clock)
    {
        var rejected = Decide(command, profile.Aggregate!, caller);
        profile.AppendOne(rejected);
        return (Answer(rejected.RevisionId),
            [new Contract.ProfileRevisionRejected(rejected.AccountId, rejected.RevisionId, rejected.Reason, clock.GetUtcNow())]);
    }
}
