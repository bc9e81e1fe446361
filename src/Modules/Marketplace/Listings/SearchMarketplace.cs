using Microsoft.AspNetCore.Http;
using Holded.Partners.Marketplace.Accounts;

namespace Holded.Partners.Marketplace.Listings;

/// <summary>Step 5: a business member looks for a firm, with its contact details.</summary>
public static class SearchMarketplaceEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(
        ListingQuery query, Caller caller, IQuerySession session, CancellationToken ct)
    {
        // Contact details are for businesses looking for a firm (and reviewers checking listings), not for all staff.
        if (!caller.Is(PlatformRoles.Reviewer) && !await BelongsToABusiness(session, caller.UserId, ct))
            return Problems.Forbidden("The marketplace is for members of business accounts; the public directory is at /api/v1/directory/partners.");
        return query.Validate();
    }

    [WolverineGet("/api/v1/marketplace/partners")]
    public static async Task<Page<MarketplacePartner>> Get([FromQuery] ListingQuery query, ListingSearch search, CancellationToken ct)
    {
        var page = await search.Search(query, ct);
        return new Page<MarketplacePartner>([.. page.Items.Select(MarketplacePartner.Of)], page.PageNumber, page.PageSize, page.Total);
    }

    internal static Task<bool> BelongsToABusiness(IQuerySession session, string userId, CancellationToken ct) =>
        session.Query<MarketplaceAccount>()
            .AnyAsync(a => a.Kind == AccountKinds.Business && a.Members.Any(m => m.UserId == userId && !m.Removed), ct);
}
