using Holded.Partners.Access.Replicas;

namespace Holded.Partners.Access.Audit;

/// <summary>
/// The accounts a query names, and who may read their trail: a client's owners and admins read their account's, a
/// firm's administrators their firm's (all clients, or one member), a platform auditor everything. Not a
/// collaboration's parties (<see cref="Grants.GrantParties"/>): the trail is its accounts' managers', reach plays no part.
/// </summary>
public sealed record AuditScope(AccessAccount? Client, AccessAccount? Firm)
{
    /// <summary>The accounts the query names, to decide who may read them; an auditor reads every trail, so none is read for one.</summary>
    public static async Task<AuditScope> LoadAsync(AuditQuery query, Caller caller, IQuerySession session, CancellationToken ct)
    {
        if (caller.Is(PlatformRoles.Auditor)) return new(null, null);
        var ids = new[] { query.ClientAccountId, query.PartnerAccountId }.OfType<Guid>().Distinct().ToArray();
        var accounts = ids.Length == 0 ? [] : await session.LoadManyAsync<AccessAccount>(ct, ids);
        return new(accounts.FirstOrDefault(a => a.Id == query.ClientAccountId), accounts.FirstOrDefault(a => a.Id == query.PartnerAccountId));
    }

    /// <summary>Input first, then who may read the trail the query names. Shared by the API and the viewer page.</summary>
    public ProblemDetails Authorize(AuditQuery query, Caller caller)
    {
        var input = new Check()
            .OneOf("type", query.Type, AuditTypes.All, required: false)
            .That(query.Limit is null or >= 1 and <= AuditQuery.MaxLimit, "limit", $"must be between 1 and {AuditQuery.MaxLimit}.")
            .That(query.From is null || query.To is null || query.From <= query.To, "from", "must not be after to.")
            .That(query.Cursor is null || (query.Cursor.Length == 53 && query.Cursor[20] == '_'), "cursor", "must be a nextCursor this endpoint returned.")
            .Result();
        if (input.Status is not null) return input;
        if (caller.Is(PlatformRoles.Auditor)) return Problems.None;
        if (query.ClientAccountId is null && query.PartnerAccountId is null)
            return Problems.Forbidden("Say whose trail: clientAccountId (its owners and admins) or partnerAccountId (the firm's administrators).");
        foreach (var account in new[] { Client, Firm })
        {
            if (account is null) continue;
            if (!account.IsMember(caller.UserId)) return Problems.NotFound("account");
            if (!account.IsManagedBy(caller.UserId))
                return Problems.Forbidden("The audit trail is for the account's owners and admins, or the firm's administrators.");
        }
        return (query.ClientAccountId is not null && Client is null) || (query.PartnerAccountId is not null && Firm is null)
            ? Problems.NotFound("account")
            : Problems.None;
    }
}
