using Holded.Partners.Marketplace.Listings;

namespace Holded.Partners.Marketplace.Invites;

/// <summary>The firm an invite is from, as the public directory shows it: what a business reads before it starts.</summary>
public sealed record InviteDetails(DirectoryPartner Partner, DateTimeOffset? ExpiresAt);

/// <summary>
/// Anyone signed in who holds a link's token or its code reads which firm it is from. An unknown key is 404; a revoked
/// or expired one is 422 naming why, so the person knows to ask the firm for a new one: it tells them nothing they did
/// not hold already (the key), and nothing of the firm.
/// </summary>
public static class ResolveInviteEndpoint
{
    public static async Task<(InviteLinkView?, Listing?)> LoadAsync(string key, IQuerySession session, CancellationToken ct)
    {
        var link = await InviteLinkAccess.FindAsync(session, InviteKeys.Parse(key), ct);
        return (link, link is null ? null : await session.LoadAsync<Listing>(link.PartnerAccountId, ct));
    }

    public static ProblemDetails Validate(string key, InviteLinkView? link, Listing? listing, TimeProvider clock)
    {
        if (InviteKeys.Parse(key) is null) return new Check().Add("key", InviteKeys.Shape).Result();
        if (link is null) return Problems.NotFound("invite link");
        var status = InviteLinkStatus.Of(link.RevokedAt is not null, link.ExpiresAt, clock.GetUtcNow());
        return Problems.RefuseIfAny(InviteLinkAccess.Unusable(status, listing is { Visible: true }));
    }

    [WolverineGet("/api/v1/invite-links/{key}")]
    public static InviteDetails Get([NotBody] InviteLinkView link, [NotBody] Listing listing) => new(DirectoryPartner.Of(listing), link.ExpiresAt);
}
