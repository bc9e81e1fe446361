using JasperFx.Events;

namespace Holded.Partners.Onboarding.Profiles;

/// <summary>What a firm shows in the marketplace. Lists are kept in the order the firm gave them.</summary>
public sealed record ProfileContent(
    string? DisplayName, string? Description, IReadOnlyList<string> Services, IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Provinces, IReadOnlyList<string> Languages, int? TeamSize, string? Website,
    string? ContactEmail, string? ContactPhone, string? LogoUrl, IReadOnlyList<string> Credentials)
{
    public bool SameAs(ProfileContent? other) => other is not null
        && DisplayName == other.DisplayName && Description == other.Description
        && Services.SequenceEqual(other.Services) && Sectors.SequenceEqual(other.Sectors)
        && Provinces.SequenceEqual(other.Provinces) && Languages.SequenceEqual(other.Languages)
        && TeamSize == other.TeamSize && Website == other.Website && ContactEmail == other.ContactEmail
        && ContactPhone == other.ContactPhone && LogoUrl == other.LogoUrl && Credentials.SequenceEqual(other.Credentials);

    /// <summary>The fields that differ from <paramref name="other"/> (every field set, against nothing), by their API names.</summary>
    public IReadOnlyList<string> ChangesFrom(ProfileContent? other)
    {
        var changes = new List<string>();
        void Compare(string field, bool same) { if (!same) changes.Add(field); }
        Compare("displayName", DisplayName == other?.DisplayName);
        Compare("description", Description == other?.Description);
        Compare("services", Services.SequenceEqual(other?.Services ?? []));
        Compare("sectors", Sectors.SequenceEqual(other?.Sectors ?? []));
        Compare("provinces", Provinces.SequenceEqual(other?.Provinces ?? []));
        Compare("languages", Languages.SequenceEqual(other?.Languages ?? []));
        Compare("teamSize", TeamSize == other?.TeamSize);
        Compare("website", Website == other?.Website);
        Compare("contactEmail", ContactEmail == other?.ContactEmail);
        Compare("contactPhone", ContactPhone == other?.ContactPhone);
        Compare("logoUrl", LogoUrl == other?.LogoUrl);
        Compare("credentials", Credentials.SequenceEqual(other?.Credentials ?? []));
        return changes;
    }
}

public sealed record ProfileDraftEdited(Guid ProfileId, Guid AccountId, ProfileContent Content, string EditedBy);

public sealed record ProfileRevisionSubmitted(
    Guid ProfileId, Guid AccountId, Guid RevisionId, ProfileContent Content, Guid? Replaces, string SubmittedBy);

public sealed record ProfileRevisionApproved(
    Guid ProfileId, Guid AccountId, Guid RevisionId, ProfileContent Content, string Slug, string ReviewedBy);

public sealed record ProfileRevisionRejected(Guid ProfileId, Guid AccountId, Guid RevisionId, string Reason, string ReviewedBy);

public sealed record Revision(Guid RevisionId, ProfileContent Content, DateTimeOffset At);

public sealed record Rejection(Guid RevisionId, string Reason, DateTimeOffset At, ProfileContent Content);

/// <summary>
/// A partner's profile: the draft being edited, the revision waiting for review, and the last approved revision,
/// which stays published while later changes are reviewed. Immutable, like every aggregate here.
/// </summary>
public sealed record PartnerProfile(
    Guid Id, Guid AccountId, ProfileContent Draft, Revision? Pending, Revision? Published, Rejection? LastRejection,
    string? Slug, DateTimeOffset UpdatedAt)
{
    public long Version { get; set; }

    public static Guid IdFor(Guid accountId) => StableIds.For("profile", accountId);

    public static PartnerProfile Create(IEvent<ProfileDraftEdited> e) =>
        new(e.Data.ProfileId, e.Data.AccountId, e.Data.Content, null, null, null, null, e.At());

    public PartnerProfile Apply(IEvent<ProfileDraftEdited> e) => this with { Draft = e.Data.Content, UpdatedAt = e.At() };

    public PartnerProfile Apply(IEvent<ProfileRevisionSubmitted> e) =>
        this with { Pending = new Revision(e.Data.RevisionId, e.Data.Content, e.At()), UpdatedAt = e.At() };

    public PartnerProfile Apply(IEvent<ProfileRevisionApproved> e) => this with
    {
        Pending = null, Published = new Revision(e.Data.RevisionId, e.Data.Content, e.At()), Slug = e.Data.Slug,
        LastRejection = null, UpdatedAt = e.At(),
    };

    public PartnerProfile Apply(IEvent<ProfileRevisionRejected> e) => this with
    {
        Pending = null, LastRejection = new Rejection(e.Data.RevisionId, e.Data.Reason, e.At(), Pending!.Content), UpdatedAt = e.At(),
    };
}
