using Holded.Partners.Onboarding.Accounts;
using JasperFx.Events;

namespace Holded.Partners.Onboarding.Profiles;

/// <summary>Step 3: a partner's administrator edits the draft. The published revision stays live until a new one is approved.</summary>
public static class EditProfileEndpoint
{
    public static Task<(IEventStream<Account>?, IEventStream<PartnerProfile>)> LoadAsync(Guid accountId, IDocumentSession session, CancellationToken ct) =>
        ProfileAccess.ForWritingAsync(accountId, session, ct);

    public static ProblemDetails Validate(EditProfile command, IEventStream<Account>? account, IEventStream<PartnerProfile> profile, Caller caller)
    {
        var access = ProfileAccess.RequireEditor(account?.Aggregate, caller);
        if (access.Status is not null) return access;
        var input = ProfileInput.Check(command).Result();
        if (input.Status is not null) return input;
        // The version read for writing is the one the commit expects: an edit of an older version is refused here,
        // and one committed after this read makes the commit conflict.
        var version = profile.Aggregate?.Version ?? 0;
        return command.ExpectedVersion is { } expected && expected != version
            ? Problems.Conflict("stale_version", ProfileAccess.Stale(expected, version).Message)
            : Problems.None;
    }

    /// <summary>The draft as sent, or nothing when it is already the draft. The first edit starts the stream.</summary>
    public static ProfileDraftEdited? Decide(Guid accountId, EditProfile command, PartnerProfile? profile, Caller caller)
    {
        var edited = new ProfileDraftEdited(PartnerProfile.IdFor(accountId), accountId, ProfileInput.ToContent(command), caller.UserId);
        return profile is not null && profile.Draft.SameAs(edited.Content) ? null : edited;
    }

    public static Committed<ProfileView> Answer(Guid profileId) => Committed.Read(async (session, ct) => ProfileView.Of((await session.LoadAsync<PartnerProfile>(profileId, ct))!));

    [WolverinePut("/api/v1/partners/{accountId}/profile")]
    public static Committed<ProfileView> Put(Guid accountId, EditProfile command, IEventStream<PartnerProfile> profile, Caller caller)
    {
        // Two first edits at once: both expect a new stream, and the second commit is refused.
        if (Decide(accountId, command, profile.Aggregate, caller) is { } edited) profile.AppendOne(edited);
        return Answer(profile.Id);
    }
}
