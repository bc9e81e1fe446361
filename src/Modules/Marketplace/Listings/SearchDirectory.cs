using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace Holded.Partners.Marketplace.Listings;

/// <summary>The public directory: the same search for anyone, without contact data, rate-limited per client address.</summary>
public static class SearchDirectoryEndpoint
{
    public static ProblemDetails Validate(ListingQuery query) => query.Validate();

    [AllowAnonymous]
    [EnableRateLimiting(MarketplaceModule.PublicRateLimit)]
    [WolverineGet("/api/v1/directory/partners")]
    public static async Task<Page<DirectoryPartner>> Get([FromQuery] ListingQuery query, ListingSearch search, CancellationToken ct)
    {
        var page = await search.Search(query, ct);
        return new Page<DirectoryPartner>([.. page.Items.Select(DirectoryPartner.Of)], page.PageNumber, page.PageSize, page.Total);
    }
}
