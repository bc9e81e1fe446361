using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.Collaborations;

/// <summary>
/// The firm's clients table. Administrators see every client (mine=true narrows to their own); account managers
/// see only the clients assigned to them.
/// </summary>
public static class ListClientsEndpoint
{
    public static Task<CollaborationAccount?> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<CollaborationAccount>(accountId, ct);

    public static ProblemDetails Validate(
        CollaborationAccount? account, bool? mine, string? status, int? page, int? pageSize, ClaimsPrincipal user)
    {
        var caller = Caller.From(user);
        if (account is null || account.Kind != AccountKinds.Advisory || !account.IsMember(caller.UserId)) return Problems.NotFound("partner");
        if (mine == false && !account.IsManagedBy(caller.UserId))
            return Problems.Forbidden("Account managers see the clients assigned to them (mine=true); administrators see all.");
        return new Check().OneOf("status", status, CollaborationStatus.All, required: false).PageOf(page, pageSize).Result();
    }

    [WolverineGet("/api/v1/partners/{accountId}/clients")]
    public static Task<Page<CollaborationView>> Get(
        Guid accountId, [NotBody] CollaborationAccount account, bool? mine, string? status, int? page, int? pageSize,
        ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var onlyMine = mine ?? !account.IsManagedBy(caller.UserId);
        var query = session.Query<CollaborationView>().Where(c => c.PartnerAccountId == accountId);
        if (onlyMine) query = query.Where(c => c.Managers.Any(m => m.UserId == caller.UserId));
        if (status is not null) query = query.Where(c => c.Status == status);
        return query.OrderByDescending(c => c.Since).ToPageAsync(page, pageSize, ct);
    }
}
