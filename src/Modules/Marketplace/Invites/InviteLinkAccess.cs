using Holded.Partners.Marketplace.Accounts;

namespace Holded.Partners.Marketplace.Invites;

/// <summary>Who manages a firm's invite links (its administrators), and how a link is found by what a business holds.</summary>
public static class InviteLinkAccess
{
    /// <summary>Not the caller's firm (or not a firm): 404. A member who is not an administrator: 403.</summary>
    public static ProblemDetails RequireFirmAdministrator(MarketplaceAccount? firm, Caller caller)
    {
        if (firm is null || firm.Kind != AccountKinds.Advisory || !firm.IsMember(caller.UserId)) return Problems.NotFound("partner");
        return firm.IsManagedBy(caller.UserId)
            ? Problems.None
            : Problems.Forbidden("Only the firm's administrators manage its invite links.");
    }

    /// <summary>The link a token or a short code names; null when none does.</summary>
    public static async Task<InviteLinkView?> FindAsync(IQuerySession session, InviteKey? key, CancellationToken ct) => key switch
    {
        null => null,
        { IsCode: true } => await session.Query<InviteLinkView>().Where(v => v.Code == key.Value).FirstOrDefaultAsync(ct),
        _ => await session.Query<InviteLinkView>().Where(v => v.Token == key.Value).FirstOrDefaultAsync(ct),
    };

    /// <summary>Why the link does not let a business start now, if it does not; a revoked link says only that.</summary>
    public static IEnumerable<Rule> Unusable(string status, bool firmListed)
    {
        if (status == InviteLinkStatus.Revoked)
            yield return new Rule("invite_link_revoked", "The firm has revoked this invite link; ask it for a new one.");
        else if (status == InviteLinkStatus.Expired)
            yield return new Rule("invite_link_expired", "This invite link has expired; ask the firm for a new one.");
        if (!firmListed)
            yield return new Rule("firm_not_listed",
                "This firm is not in the marketplace right now (its profile is not published or its subscription is not active); its invite links work again once it is.");
    }
}
