using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Profiles;

/// <summary>Step 3: a partner's administrator edits the draft. The published revision stays live until a new one is approved.</summary>
public static class EditProfileEndpoint
{
    public static Task<(Account?, PartnerProfile?)> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct) =>
        ProfileAccess.LoadAsync(accountId, session, ct);

    public static ProblemDetails Validate(EditProfile command, Account? account, PartnerProfile? profile, Caller caller)
    {
        var access = ProfileAccess.RequireEditor(account, caller);
        if (access.Status is not null) return access;
        var input = ProfileInput.Check(command).Result();
        if (input.Status is not null) return input;
        var version = profile?.Version ?? 0;
        return command.ExpectedVersion is { } expected && expected != version
            ? Problems.Conflict("stale_version", ProfileAccess.Stale(expected, version).Message)
            : Problems.None;
    }

    [WolverinePut("/api/v1/partners/{accountId}/profile")]
    public static async Task<ProfileView> Put(
        Guid accountId, EditProfile command, Caller caller, IDocumentSession session, CancellationToken ct)
    {
        var profileId = PartnerProfile.IdFor(accountId);
        // The first edit starts the stream; FetchForWriting makes two first edits conflict instead of both starting it.
        var stream = command.ExpectedVersion is { } expected
            ? await session.Events.FetchForWriting<PartnerProfile>(profileId, expected, ct)
            : await session.Events.FetchForWriting<PartnerProfile>(profileId, ct);
        var edited = new ProfileDraftEdited(profileId, accountId, ProfileInput.ToContent(command), caller.UserId);
        if (stream.Aggregate is null || !stream.Aggregate.Draft.SameAs(edited.Content)) stream.AppendOne(edited);
        await session.SaveChangesAsync(ct);
        var profile = await session.Events.FetchLatest<PartnerProfile>(profileId, ct);
        return ProfileView.Of(profile!);
    }
}
