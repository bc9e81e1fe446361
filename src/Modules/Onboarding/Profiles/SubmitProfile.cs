using Holded.Partners.Onboarding.Accounts;
using JasperFx.Events;

namespace Holded.Partners.Onboarding.Profiles;

/// <summary>The draft becomes a revision waiting for a reviewer.</summary>
public static class SubmitProfileEndpoint
{
    public static Task<(IEventStream<Account>?, IEventStream<PartnerProfile>)> LoadAsync(Guid accountId, IDocumentSession session, CancellationToken ct) =>
        ProfileAccess.ForWritingAsync(accountId, session, ct);

    public static ProblemDetails Validate(IEventStream<Account>? account, IEventStream<PartnerProfile> profile, Caller caller)
    {
        var access = ProfileAccess.RequireEditor(account?.Aggregate, caller);
        return access.Status is not null ? access : Problems.RefuseIfAny(Broken(profile.Aggregate));
    }

    public static IEnumerable<Rule> Broken(PartnerProfile? profile)
    {
        if (profile is null)
        {
            yield return new Rule("no_draft", "There is no draft to submit; edit the profile first.");
            yield break;
        }
        if (profile.Pending is not null)
            yield return new Rule("revision_pending_review",
                $"Revision {profile.Pending.RevisionId} is waiting for review; submit again once it is decided.");
        if (profile.Draft.SameAs(profile.Published?.Content))
            yield return new Rule("no_changes_to_submit", "The draft is the same as the published profile; change something first.");
        if (profile.Draft.SameAs(profile.LastRejection?.Content))
            yield return new Rule("no_changes_since_rejection",
                $"The draft is the revision rejected because: {profile.LastRejection!.Reason} Change it first.");
        var missing = ProfileInput.Missing(profile.Draft).ToArray();
        if (missing.Length > 0)
            yield return new Rule("profile_incomplete", $"A profile needs before review: {string.Join(", ", missing)}.");
    }

    public static ProfileRevisionSubmitted Decide(PartnerProfile profile, Caller caller, Guid revisionId) =>
        new(profile.Id, profile.AccountId, revisionId, profile.Draft, profile.Published?.RevisionId, caller.UserId);

    public static Committed<ProfileView> Answer(Guid profileId) => Committed.Read(async (session, ct) => ProfileView.Of((await session.LoadAsync<PartnerProfile>(profileId, ct))!));

    /// <summary>Two submits at once both pass on version N; the second commit finds N+1 and is refused (409): one revision.</summary>
    [WolverinePost("/api/v1/partners/{accountId}/profile/submit")]
    public static Committed<ProfileView> Post(IEventStream<PartnerProfile> profile, Caller caller)
    {
        profile.AppendOne(Decide(profile.Aggregate!, caller, Guid.CreateVersion7()));
        return Answer(profile.Id);
    }
}
