using Holded.Partners.Kernel.Web;
using Holded.Partners.Marketplace.Listings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Holded.Partners.Marketplace.Directory;

/// <summary>The public directory as web pages (<see cref="DirectorySearchPage"/>, <see cref="DirectoryPartnerPage"/>): search with filters and paging, and one page per partner. No contact data.</summary>
public static class DirectoryPages
{
    private const int PageSize = 10;

    [AllowAnonymous]
    [EnableRateLimiting(MarketplaceModule.PublicRateLimit)]
    [WolverineGet("/directory")]
    public static async Task<IResult> Search([FromQuery] ListingQuery query, HttpContext context, ListingSearch search, CancellationToken ct)
    {
        query = query with { PageSize = PageSize, Language = null, Sector = null };
        var invalid = query.Validate().Status is not null; // the API's own rule for the same query
        var results = invalid ? new Page<Listing>([], 1, PageSize, 0) : await search.Search(query, ct);
        return Portal.Render<DirectorySearchPage>(context, await Portal.ViewAsync(context), new { Query = query, Results = results, Invalid = invalid },
            invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [EnableRateLimiting(MarketplaceModule.PublicRateLimit)]
    [WolverineGet("/directory/{slug}")]
    public static async Task<IResult> Partner(string slug, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var listing = await session.Query<Listing>().FirstOrDefaultAsync(l => l.Slug == slug && l.Visible, ct);
        return Portal.Render<DirectoryPartnerPage>(context, await Portal.ViewAsync(context), new { Listing = listing },
            listing is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    public static string Excerpt(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd() + "…";
}
