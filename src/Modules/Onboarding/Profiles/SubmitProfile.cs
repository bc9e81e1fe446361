using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Profiles;

/// <summary>The draft becomes a revision waiting for a reviewer.</summary>
public static class SubmitProfileEndpoint
{
    public static Task<(Account?, PartnerProfile?)> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct) =>
        ProfileAccess.LoadAsync(accountId, session, ct);

    public static ProblemDetails Validate(Account? account, PartnerProfile? profile, Caller caller)
    {
        var access = ProfileAccess.RequireEditor(account, caller);
        return access.Status is not null ? access : Problems.RefuseIfAny(Broken(profile));
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

    [WolverinePost("/api/v1/partners/{accountId}/profile/submit")]
    public static async Task<ProfileView> Post(Guid accountId, Caller caller, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<PartnerProfile>(PartnerProfile.IdFor(accountId), ct);
        var profile = stream.Aggregate!;
        // Checked again on the version being written: a concurrent submit conflicts instead of making two revisions.
        if (Broken(profile).Any())
            throw new JasperFx.ConcurrencyException("The profile changed while it was being submitted.", typeof(PartnerProfile), profile.Id);
        stream.AppendOne(new ProfileRevisionSubmitted(profile.Id, accountId, Guid.CreateVersion7(), profile.Draft,
            profile.Published?.RevisionId, caller.UserId));
        await session.SaveChangesAsync(ct);
        return ProfileView.Of((await session.Events.FetchLatest<PartnerProfile>(profile.Id, ct))!);
    }
}
