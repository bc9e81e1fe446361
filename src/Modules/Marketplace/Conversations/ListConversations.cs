using Holded.Partners.Marketplace.Accounts;

namespace Holded.Partners.Marketplace.Conversations;

/// <summary>A summary row: the conversation without its messages.</summary>
public sealed record ConversationSummary(
    Guid Id, Guid ClientAccountId, string ClientName, Guid PartnerAccountId, string PartnerName, DateTimeOffset OpenedAt,
    DateTimeOffset LastActivityAt, int MessageCount, string RequestStatus, DateTimeOffset? RequestedAt);

/// <summary>
/// One account's conversations, most recent activity first. For a firm, status=requested is its "Solicitudes":
/// the conversations carrying an open collaboration request. An account manager sees those the rules let them take part
/// in (see <see cref="ConversationAccess"/>): none of a collaboration assigned to colleagues.
/// </summary>
public static class ListConversationsEndpoint
{
    public static async Task<MarketplaceAccount?> LoadAsync(Guid? accountId, IQuerySession session, CancellationToken ct) =>
        accountId is { } id ? await session.LoadAsync<MarketplaceAccount>(id, ct) : null;

    public static ProblemDetails Validate(Guid? accountId, string? status, int? page, int? pageSize, MarketplaceAccount? account, Caller caller)
    {
        var input = new Check()
            .That(accountId is not null && accountId != Guid.Empty, "accountId", "is required: the account whose conversations to list.")
            .OneOf("status", status, RequestStatus.All, required: false)
            .PageOf(page, pageSize).Result();
        if (input.Status is not null) return input;
        return account?.IsMember(caller.UserId) == true ? Problems.None : Problems.NotFound("account");
    }

    [WolverineGet("/api/v1/conversations")]
    public static async Task<Page<ConversationSummary>> Get(
        Guid? accountId, string? status, int? page, int? pageSize, [NotBody] MarketplaceAccount account, Caller caller,
        IQuerySession session, CancellationToken ct)
    {
        var id = accountId!.Value;
        var query = session.Query<ConversationView>().Where(c => c.ClientAccountId == id || c.PartnerAccountId == id);
        if (status is not null) query = query.Where(c => c.RequestStatus == status);
        var userId = caller.UserId;
        if (account.Kind == AccountKinds.Advisory && !account.IsManagedBy(userId))
        {
            var hidden = (await session.Query<MarketplaceCollaboration>().Where(c => c.PartnerAccountId == id).ToListAsync(ct))
                .GroupBy(c => c.ConversationId)
                .Where(g => !ConversationAccess.FirmSideTakesPart(account, [.. g], userId))
                .Select(g => g.Key).ToArray();
            if (hidden.Length > 0) query = query.Where(c => !hidden.Contains(c.Id));
        }
        return await query.OrderByDescending(c => c.LastActivityAt)
            .Select(c => new ConversationSummary(c.Id, c.ClientAccountId, c.ClientName, c.PartnerAccountId, c.PartnerName, c.OpenedAt,
                c.LastActivityAt, c.MessageCount, c.RequestStatus, c.RequestedAt))
            .ToPageAsync(page, pageSize, ct);
    }
}
