namespace Holded.Partners.Marketplace.Listings;

/// <summary>
/// A firm in the marketplace: its last published profile and its subscription. Shown only while both hold:
/// a published profile and an active subscription. Kept from Onboarding's messages; one row per advisory account.
/// </summary>
public sealed class Listing
{
    public Guid Id { get; set; }
    public string? Slug { get; set; }
    public Guid? RevisionId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string DisplayName { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> Services { get; set; } = [];
    public List<string> Sectors { get; set; } = [];
    public List<string> Provinces { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public int? TeamSize { get; set; }
    public string? Website { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? LogoUrl { get; set; }
    public List<string> Credentials { get; set; } = [];

    public string SubscriptionStatus { get; set; } = "";
    public DateTimeOffset SubscriptionAt { get; set; }

    /// <summary>Stored, so search filters on an index instead of recomputing it.</summary>
    public bool Visible { get; set; }
    /// <summary>How much of the profile is filled in: the tie-breaker after text relevance.</summary>
    public int Completeness { get; set; }
    /// <summary>Name, description and services in words, for PostgreSQL's full-text search.</summary>
    public string SearchText { get; set; } = "";

    public void Refresh()
    {
        Visible = RevisionId is not null && SubscriptionStatus == "active";
        Completeness = new object?[] { TeamSize, Website, ContactPhone, LogoUrl }.Count(v => v is not null)
                       + (Credentials.Count > 0 ? 1 : 0) + (Sectors.Count > 0 ? 1 : 0) + Math.Min(Description.Length / 200, 3);
        SearchText = ListingSearch.Fold(string.Join(' ', [DisplayName, Description, .. Services.Select(Words), .. Sectors.Select(Words)]));
    }

    /// <summary>Services and sectors in words: what the firm does, weighed between its name and its description.</summary>
    public string TopicText => ListingSearch.Fold(string.Join(' ', [.. Services.Select(Words), .. Sectors.Select(Words)]));

    private static string Words(string code) => code.Replace('_', ' ');
}
