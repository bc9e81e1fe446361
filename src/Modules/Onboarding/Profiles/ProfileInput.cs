using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Profiles;

/// <summary>A draft as the firm sends it. Every field is optional in a draft; completeness is checked at submit.</summary>
public sealed record EditProfile(
    string? DisplayName, string? Description, IReadOnlyList<string>? Services, IReadOnlyList<string>? Sectors,
    IReadOnlyList<string>? Provinces, IReadOnlyList<string>? Languages, int? TeamSize, string? Website,
    string? ContactEmail, string? ContactPhone, string? LogoUrl, IReadOnlyList<string>? Credentials, long? ExpectedVersion);

public static class ProfileInput
{
    public const int MaxCredentials = 10;

    public static Check Check(EditProfile p)
    {
        var check = new Check()
            .Text("displayName", p.DisplayName, 80, required: false, min: 2)
            .Text("description", p.Description, 2000, required: false)
            .AllOf("services", p.Services, Catalogs.Services, Catalogs.Services.Count)
            .AllOf("sectors", p.Sectors, Catalogs.Sectors, Catalogs.Sectors.Count)
            .AllOf("provinces", p.Provinces, Catalogs.ProvinceCodes, Catalogs.ProvinceCodes.Count)
            .AllOf("languages", p.Languages, Catalogs.Languages, Catalogs.Languages.Count)
            .Range("teamSize", p.TeamSize, 1, 10_000)
            .Url("website", p.Website, 200)
            .Email("contactEmail", p.ContactEmail, required: false)
            .That(p.ContactPhone is null || Phone.IsValid(p.ContactPhone), "contactPhone", Phone.Rule)
            .Url("logoUrl", p.LogoUrl, 500)
            .That(p.LogoUrl is null || p.LogoUrl.StartsWith("https://", StringComparison.Ordinal), "logoUrl", "must use https.")
            .That(p.Credentials is null || p.Credentials.Count <= MaxCredentials, "credentials", $"must have at most {MaxCredentials} entries.")
            .That(p.ExpectedVersion is null or >= 0, "expectedVersion", "must be 0 or more.");
        foreach (var (credential, i) in (p.Credentials ?? []).Select((c, i) => (c, i)))
            check.Text($"credentials[{i}]", credential, 120);
        return check;
    }

    public static ProfileContent ToContent(EditProfile p) => new(
        Clean(p.DisplayName), Clean(p.Description), p.Services ?? [], p.Sectors ?? [], p.Provinces ?? [], p.Languages ?? [],
        p.TeamSize, Clean(p.Website), Clean(p.ContactEmail)?.ToLowerInvariant(), Clean(p.ContactPhone), Clean(p.LogoUrl),
        (p.Credentials ?? []).Select(c => c.Trim()).ToArray());

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>What a revision needs before a reviewer sees it; each missing part is named.</summary>
    public static IEnumerable<string> Missing(ProfileContent c)
    {
        if (c.DisplayName is null) yield return "displayName";
        if (c.Description is null || c.Description.Length < 50) yield return "description (at least 50 characters)";
        if (c.Services.Count == 0) yield return "services";
        if (c.Provinces.Count == 0) yield return "provinces";
        if (c.Languages.Count == 0) yield return "languages";
        if (c.ContactEmail is null) yield return "contactEmail";
    }
}
