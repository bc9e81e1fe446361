namespace Holded.Partners.Marketplace.Listings;

/// <summary>
/// Keeps listings from Onboarding's messages. Every message touches the one listing row (optimistic concurrency retries
/// a race), and each part is last-writer-wins by its instant, so duplicates and reordering leave the same listing.
/// </summary>
public static class ListingHandler
{
    public static Task Handle(Onboarding.AccountOpened m, IDocumentSession session) =>
        m.Kind != AccountKinds.Advisory ? Task.CompletedTask : Subscription(session, m.AccountId, m.SubscriptionStatus, m.At);

    public static Task Handle(Onboarding.SubscriptionChanged m, IDocumentSession session) =>
        m.Kind != AccountKinds.Advisory ? Task.CompletedTask : Subscription(session, m.AccountId, m.Status, m.At);

    public static async Task Handle(Onboarding.PartnerProfilePublished m, IDocumentSession session)
    {
        var listing = await session.LoadAsync<Listing>(m.AccountId) ?? new Listing { Id = m.AccountId };
        if (listing.PublishedAt >= m.PublishedAt) return;
        listing.Slug = m.Slug;
        listing.RevisionId = m.RevisionId;
        listing.PublishedAt = m.PublishedAt;
        listing.DisplayName = m.DisplayName;
        listing.Description = m.Description;
        listing.Services = [.. m.Services];
        listing.Sectors = [.. m.Sectors];
        listing.Provinces = [.. m.Provinces];
        listing.Languages = [.. m.Languages];
        listing.TeamSize = m.TeamSize;
        listing.Website = m.Website;
        listing.ContactEmail = m.ContactEmail;
        listing.ContactPhone = m.ContactPhone;
        listing.LogoUrl = m.LogoUrl;
        listing.Credentials = [.. m.Credentials];
        listing.Refresh();
        session.Store(listing);
        ListingSearchTable.Save(session, listing);
    }

    private static async Task Subscription(IDocumentSession session, Guid accountId, string status, DateTimeOffset at)
    {
        var listing = await session.LoadAsync<Listing>(accountId) ?? new Listing { Id = accountId };
        if (listing.SubscriptionAt > at) return;
        listing.SubscriptionStatus = status;
        listing.SubscriptionAt = at;
        listing.Refresh();
        session.Store(listing);
        ListingSearchTable.Save(session, listing);
    }
}
