using Holded.Partners.Marketplace.Accounts;
using Holded.Partners.Marketplace.Listings;

namespace Holded.Partners.Marketplace.Responsiveness;

/// <summary>
/// How a firm answers the businesses that ask it, over the last <see cref="PartnerResponsivenessEndpoint.Days"/> days:
/// conversations asked, answered, answered within a day, and the median hours to the first answer.
/// </summary>
public sealed record PartnerResponsiveness(
    Guid PartnerAccountId, DateTimeOffset Since, int Asked, int Answered, int AnsweredWithinADay, double? MedianHoursToAnswer)
{
    public static PartnerResponsiveness Of(Guid partner, DateTimeOffset since, IReadOnlyList<ConversationResponse> asked)
    {
        var hours = asked.Where(r => r.AnsweredAt is not null)
            .Select(r => (r.AnsweredAt!.Value - r.AskedAt!.Value).TotalHours).Order().ToArray();
        double? median = hours.Length == 0 ? null
            : Math.Round(hours.Length % 2 == 1 ? hours[hours.Length / 2] : (hours[hours.Length / 2 - 1] + hours[hours.Length / 2]) / 2, 1);
        return new(partner, since, asked.Count, hours.Length, hours.Count(h => h <= 24), median);
    }
}

/// <summary>
/// A firm's responsiveness, for the businesses choosing a firm (and reviewers), and for the firm itself. Read from an
/// asynchronous projection: a conversation of the last moment may not be counted yet.
/// </summary>
public static class PartnerResponsivenessEndpoint
{
    public const int Days = 90;

    public static async Task<ProblemDetails> ValidateAsync(Guid accountId, Caller caller, IQuerySession session, CancellationToken ct)
    {
        var firm = await session.LoadAsync<MarketplaceAccount>(accountId, ct);
        if (firm?.Kind == AccountKinds.Advisory && firm.IsMember(caller.UserId)) return Problems.None;
        if (!caller.Is(PlatformRoles.Reviewer) && !await SearchMarketplaceEndpoint.BelongsToABusiness(session, caller.UserId, ct))
            return Problems.Forbidden("A firm's responsiveness is shown to businesses looking for a firm, and to the firm itself.");
        var listing = await session.LoadAsync<Listing>(accountId, ct);
        return listing?.Visible == true ? Problems.None : Problems.NotFound("partner");
    }

    [WolverineGet("/api/v1/marketplace/partners/{accountId}/responsiveness")]
    public static async Task<PartnerResponsiveness> Get(Guid accountId, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-Days);
        var asked = await session.Query<ConversationResponse>()
            .Where(r => r.PartnerAccountId == accountId && r.AskedAt >= since).ToListAsync(ct);
        return PartnerResponsiveness.Of(accountId, since, asked);
    }
}
