namespace Holded.Partners.Marketplace.Listings;

/// <summary>Step 5: one firm of the marketplace, with its contact details, for a business choosing whom to write to.</summary>
public static class GetMarketplacePartnerEndpoint
{
    public static Task<Listing?> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct) => session.LoadAsync<Listing>(accountId, ct);

    public static async Task<ProblemDetails> ValidateAsync(Listing? listing, Caller caller, IQuerySession session, CancellationToken ct)
    {
        // The same audience as the search: businesses looking for a firm, and reviewers checking listings.
        if (!caller.Is(PlatformRoles.Reviewer) && !await SearchMarketplaceEndpoint.BelongsToABusiness(session, caller.UserId, ct))
            return Problems.Forbidden("The marketplace is for members of business accounts; the public directory is at /api/v1/directory/partners.");
        // A firm that is not listed does not exist for the marketplace.
        return listing is { Visible: true } ? Problems.None : Problems.NotFound("partner");
    }

    [WolverineGet("/api/v1/marketplace/partners/{accountId}")]
    public static MarketplacePartner Get([NotBody] Listing listing) => MarketplacePartner.Of(listing);
}
