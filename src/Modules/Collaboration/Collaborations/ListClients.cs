using Holded.Partners.Collaboration.Accounts;
using Holded.Partners.Collaboration.PendingWork;
using AccessContract = Holded.Partners.Contracts.Access;

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
        CollaborationAccount? account, bool? mine, string? status, int? page, int? pageSize, Caller caller)
    {
        if (account is null || account.Kind != AccountKinds.Advisory || !account.IsMember(caller.UserId)) return Problems.NotFound("partner");
        if (mine == false && !ReachesAll(account, caller))
            return Problems.Forbidden("Account managers see the clients assigned to them (mine=true); administrators see all.");
        return new Check().OneOf("status", status, CollaborationStatus.All, required: false).PageOf(page, pageSize).Result();
    }

    /// <summary>A member of the firm who reaches its collaborations without being assigned: its administrators.</summary>
    public static bool ReachesAll(CollaborationAccount firm, Caller caller) =>
        CollaborationReach.Reaches(caller.UserId, client: null, firm, assignedManager: false);

    [WolverineGet("/api/v1/partners/{accountId}/clients")]
    public static async Task<Page<ClientRow>> Get(
        Guid accountId, [NotBody] CollaborationAccount account, bool? mine, string? status, int? page, int? pageSize,
        Caller caller, IQuerySession session, IMessageBus bus, CancellationToken ct)
    {
        // Who reaches every client of the firm, assigned or not, sees all unless narrowing to their own.
        var onlyMine = mine ?? !ReachesAll(account, caller);
        var query = session.Query<CollaborationView>().Where(c => c.PartnerAccountId == accountId);
        if (onlyMine) query = query.Where(c => c.Managers.Any(m => m.UserId == caller.UserId));
        if (status is not null) query = query.Where(c => c.Status == status);
        var views = await query.OrderByDescending(c => c.Since).ToPageAsync(page, pageSize, ct);

        var work = (await session.LoadManyAsync<ClientWork>(ct, views.Items.Select(v => ClientWork.IdFor(v.ClientAccountId)).Distinct()))
            .ToDictionary(w => w.ClientAccountId);
        // The member's own view of each client — the granted role, and the KPIs of what is shared and theirs to read —
        // asked of Access once for the whole page.
        var answers = (await bus.InvokeAsync<AccessContract.MembersAccess>(new AccessContract.AskMembersAccess(
            [.. views.Items.Select(v => new AccessContract.AskMemberAccess(caller.UserId, v.ClientAccountId, v.Id))]), ct)).Answers;
        var rows = views.Items.Zip(answers, (view, access) => ClientRow.Of(view, access.Role,
            ReadPendingWorkEndpoint.Visible(work.GetValueOrDefault(view.ClientAccountId) ?? ClientWork.New(view.ClientAccountId), access, english: false)
                .ToDictionary(s => s.Kpi, s => s.Pending))).ToList();
        return new Page<ClientRow>(rows, views.PageNumber, views.PageSize, views.Total);
    }
}

/// <summary>
/// A row of the firm's clients table: the collaboration as both sides read it, and beside it the role the client granted
/// and the member's KPIs. Composed, in the JSON too: {"collaboration": {...}, "role", "kpis"}.
/// </summary>
public sealed record ClientRow(CollaborationView Collaboration, string? Role, IReadOnlyDictionary<string, int> Kpis)
{
    public static ClientRow Of(CollaborationView view, string? role, IReadOnlyDictionary<string, int> kpis) => new(view, role, kpis);
}
