using Holded.Partners.Access.Grants;
using Holded.Partners.Access.Replicas;

namespace Holded.Partners.Access.JustInTime;

/// <summary>One just-in-time request, to the requester, the firm's administrators and the client's members.</summary>
public static class GetJustInTimeEndpoint
{
    public static async Task<JustInTimeParties?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        await JustInTimeParties.LoadAsync(await session.LoadAsync<JustInTimeAccess>(id, ct), session, ct);

    public static ProblemDetails Validate(JustInTimeParties? found, Caller caller) =>
        found?.Visible(caller) == true ? Problems.None : Problems.NotFound("just-in-time request");

    [WolverineGet("/api/v1/just-in-time/{id}")]
    public static JustInTimeView Get([NotBody] JustInTimeParties found, TimeProvider clock) => found.View(clock.GetUtcNow());
}

/// <summary>A client of the firm the member may ask temporary access to, with the sections its grant gives (and at what level).</summary>
public sealed record JustInTimeCandidate(Guid CollaborationId, Guid ClientAccountId, string? ClientName, IReadOnlyDictionary<string, string> Sections);

/// <summary>The firm's side: the clients the member may ask access to, and the requests they may see (newest first).</summary>
public sealed record FirmJustInTime(IReadOnlyList<JustInTimeCandidate> Requestable, Page<JustInTimeView> Requests);

public static class JustInTimeLists
{
    public static readonly IReadOnlyList<string> Statuses =
        [JustInTimeStatus.Pending, JustInTimeStatus.Active, JustInTimeStatus.Declined, JustInTimeStatus.Ended, JustInTimeStatus.Expired];

    public static ProblemDetails Input(string? status, int? page, int? pageSize) =>
        new Check().OneOf("status", status, Statuses, required: false).PageOf(page, pageSize).Result();

    public static async Task<Page<JustInTimeView>> PageAsync(IQueryable<JustInTimeAccess> query, string? status, int? page, int? pageSize,
        IQuerySession session, DateTimeOffset now, CancellationToken ct)
    {
        if (status is not null) query = query.Where(r => r.Status == status);
        var found = await query.OrderByDescending(r => r.RequestedAt).ToPageAsync(page, pageSize, ct);
        var accounts = (await session.LoadManyAsync<AccessAccount>(ct,
            found.Items.SelectMany(r => new[] { r.ClientAccountId, r.PartnerAccountId }).Distinct())).ToDictionary(a => a.Id);
        return new Page<JustInTimeView>(
            [.. found.Items.Select(r => JustInTimeView.Of(r, accounts.GetValueOrDefault(r.ClientAccountId), accounts.GetValueOrDefault(r.PartnerAccountId), now))],
            found.PageNumber, found.PageSize, found.Total);
    }
}

/// <summary>
/// The firm's just-in-time page reads this: its administrators see every request of the firm (to approve or decline);
/// an account manager sees their own, and the clients of the firm they may ask temporary access to.
/// </summary>
public static class ListFirmJustInTimeEndpoint
{
    public static Task<AccessAccount?> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct) => session.LoadAsync<AccessAccount>(accountId, ct);

    public static ProblemDetails Validate(AccessAccount? account, string? status, int? page, int? pageSize, Caller caller) =>
        account is null || account.Kind != AccountKinds.Advisory || !account.IsMember(caller.UserId)
            ? Problems.NotFound("partner")
            : JustInTimeLists.Input(status, page, pageSize);

    [WolverineGet("/api/v1/partners/{accountId}/just-in-time")]
    public static async Task<FirmJustInTime> Get(Guid accountId, [NotBody] AccessAccount firm, string? status, int? page, int? pageSize,
        Caller caller, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var administers = firm.IsManagedBy(caller.UserId);
        var requests = session.Query<JustInTimeAccess>().Where(r => r.PartnerAccountId == accountId);
        if (!administers) requests = requests.Where(r => r.UserId == caller.UserId);
        var page1 = await JustInTimeLists.PageAsync(requests, status, page, pageSize, session, now, ct);
        return new FirmJustInTime(administers ? [] : await RequestableAsync(firm, caller, session, now, ct), page1);
    }

    /// <summary>The firm's running collaborations the member does not reach, whose grant gives something to ask for.</summary>
    private static async Task<IReadOnlyList<JustInTimeCandidate>> RequestableAsync(AccessAccount firm, Caller caller, IQuerySession session,
        DateTimeOffset now, CancellationToken ct)
    {
        var running = (await session.Query<AccessCollaboration>().Where(c => c.PartnerAccountId == firm.Id && c.Started && !c.Ended).ToListAsync(ct))
            .Where(c => !c.IsManager(caller.UserId)).ToList();
        if (running.Count == 0) return [];
        var grants = (await session.LoadManyAsync<Grant>(ct, running.Select(c => Grant.IdFor(c.Id)))).ToDictionary(g => g.CollaborationId);
        var clients = (await session.LoadManyAsync<AccessAccount>(ct, running.Select(c => c.ClientAccountId).Distinct())).ToDictionary(a => a.Id);
        return [.. running
            .Select(c => new JustInTimeCandidate(c.Id, c.ClientAccountId, clients.GetValueOrDefault(c.ClientAccountId)?.Name,
                JustInTimeParties.Grantable(new GrantParties(c, clients.GetValueOrDefault(c.ClientAccountId), firm, grants.GetValueOrDefault(c.Id)), now)))
            .Where(c => c.Sections.Count > 0)
            .OrderBy(c => c.ClientName, StringComparer.CurrentCulture)];
    }
}

/// <summary>The client's side: every just-in-time request to its account, to its members (its owners and admins answer them).</summary>
public static class ListClientJustInTimeEndpoint
{
    public static Task<AccessAccount?> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct) => session.LoadAsync<AccessAccount>(accountId, ct);

    public static ProblemDetails Validate(AccessAccount? account, string? status, int? page, int? pageSize, Caller caller) =>
        account is null || account.Kind != AccountKinds.Business || !account.IsMember(caller.UserId)
            ? Problems.NotFound("client")
            : JustInTimeLists.Input(status, page, pageSize);

    [WolverineGet("/api/v1/clients/{accountId}/just-in-time")]
    public static Task<Page<JustInTimeView>> Get(Guid accountId, string? status, int? page, int? pageSize,
        IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        JustInTimeLists.PageAsync(session.Query<JustInTimeAccess>().Where(r => r.ClientAccountId == accountId), status, page, pageSize, session, clock.GetUtcNow(), ct);
}
