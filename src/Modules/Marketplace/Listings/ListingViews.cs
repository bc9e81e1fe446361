namespace Holded.Partners.Marketplace.Listings;

/// <summary>A firm as signed-in businesses see it, contact details included.</summary>
public sealed record MarketplacePartner(
    Guid AccountId, string Slug, string DisplayName, string Description, IReadOnlyList<string> Services,
    IReadOnlyList<string> Sectors, IReadOnlyList<string> Provinces, IReadOnlyList<string> Languages, int? TeamSize,
    string? Website, string? LogoUrl, IReadOnlyList<string> Credentials, string? ContactEmail, string? ContactPhone)
{
    public static MarketplacePartner Of(Listing l) => new(l.Id, l.Slug!, l.DisplayName, l.Description, l.Services, l.Sectors,
        l.Provinces, l.Languages, l.TeamSize, l.Website, l.LogoUrl, l.Credentials, l.ContactEmail, l.ContactPhone);
}

/// <summary>A firm as the public directory shows it: never an email or a phone number.</summary>
public sealed record DirectoryPartner(
    Guid AccountId, string Slug, string DisplayName, string Description, IReadOnlyList<string> Services,
    IReadOnlyList<string> Sectors, IReadOnlyList<string> Provinces, IReadOnlyList<string> Languages, int? TeamSize,
    string? Website, string? LogoUrl, IReadOnlyList<string> Credentials)
{
    public static DirectoryPartner Of(Listing l) => new(l.Id, l.Slug!, l.DisplayName, l.Description, l.Services, l.Sectors,
        l.Provinces, l.Languages, l.TeamSize, l.Website, l.LogoUrl, l.Credentials);
}
