using Holded.Partners.Access.Replicas;

namespace Holded.Partners.Access.Grants;

/// <summary>A firm's grant in force that expires soon, with the client's name and any request already waiting.</summary>
public sealed record ExpiringGrant(Guid CollaborationId, Guid ClientAccountId, string? ClientName, string Role, DateTimeOffset ExpiresAt, ExtensionRequest? PendingExtension);

public sealed record RequestExpiringExtensions(int? WithinDays, int? ExtendByDays);

public sealed record ExtensionsRequested(IReadOnlyList<ExpiringGrant> Requested);

/// <summary>A firm's grants expiring within N days (1 to 365), soonest first: read by its administrators.</summary>
public static class ExpiringGrants
{
    public const int MaxDays = 365;

    public static Task<AccessAccount?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => session.LoadAsync<AccessAccount>(id, ct);

    public static ProblemDetails Authorize(AccessAccount? firm, Caller caller)
    {
        if (firm is not { Kind: AccountKinds.Advisory } || !firm.IsMember(caller.UserId)) return Problems.NotFound("firm");
        return firm.IsManagedBy(caller.UserId) ? Problems.None : Problems.Forbidden("Only the firm's administrators manage its grants' extensions.");
    }

    public static async Task<IReadOnlyList<ExpiringGrant>> WithinAsync(IQuerySession session, Guid firmId, int days, DateTimeOffset now, CancellationToken ct)
    {
        var until = now.AddDays(days);
        var grants = await session.Query<Grant>()
            .Where(g => g.PartnerAccountId == firmId && g.Status == GrantStatus.Active && g.ExpiresAt != null).ToListAsync(ct);
        var soon = grants.Where(g => g.ExpiresAt > now && g.ExpiresAt <= until).OrderBy(g => g.ExpiresAt).ToList();
        var clients = (await session.LoadManyAsync<AccessAccount>(ct, soon.Select(g => g.ClientAccountId).Distinct())).ToDictionary(a => a.Id);
        return [.. soon.Select(g => new ExpiringGrant(g.CollaborationId, g.ClientAccountId, clients.GetValueOrDefault(g.ClientAccountId)?.Name, g.Role!, g.ExpiresAt!.Value, g.PendingExtension))];
    }
}

public static class ListExpiringGrantsEndpoint
{
    public static Task<AccessAccount?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => ExpiringGrants.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(AccessAccount? firm, int? withinDays, Caller caller)
    {
        var access = ExpiringGrants.Authorize(firm, caller);
        return access.Status is not null ? access : new Check().Range("withinDays", withinDays, 1, ExpiringGrants.MaxDays).Result();
    }

    [WolverineGet("/api/v1/partners/{id}/expiring-grants")]
    public static Task<IReadOnlyList<ExpiringGrant>> Get(Guid id, int? withinDays, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        ExpiringGrants.WithinAsync(session, id, withinDays ?? 30, clock.GetUtcNow(), ct);
}

/// <summary>
/// The firm asks, in one go, for every grant expiring within N days to last M days longer (capped a year from now,
/// as one request is). Grants with a request already waiting are left as they are; each request is its own event.
/// </summary>
public static class RequestExpiringExtensionsEndpoint
{
    public static Task<AccessAccount?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => ExpiringGrants.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(RequestExpiringExtensions command, AccessAccount? firm, Caller caller)
    {
        var access = ExpiringGrants.Authorize(firm, caller);
        return access.Status is not null ? access
            : new Check().Range("withinDays", command.WithinDays, 1, ExpiringGrants.MaxDays, required: true)
                .Range("extendByDays", command.ExtendByDays, 1, ExpiringGrants.MaxDays, required: true).Result();
    }

    [WolverinePost("/api/v1/partners/{id}/expiring-grants/extension-requests")]
    public static async Task<(ExtensionsRequested, OutgoingMessages)> Post(
        Guid id, RequestExpiringExtensions command, IDocumentSession session, Caller caller, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var messages = new OutgoingMessages();
        var requested = new List<ExpiringGrant>();
        foreach (var expiring in await ExpiringGrants.WithinAsync(session, id, command.WithinDays!.Value, now, ct))
        {
            if (expiring.PendingExtension is not null) continue;
            var wanted = Min(expiring.ExpiresAt.AddDays(command.ExtendByDays!.Value), now + RequestGrantExtensionEndpoint.MaxReach);
            var stream = await session.Events.FetchForWriting<Grant>(Grant.IdFor(expiring.CollaborationId), ct);
            var parties = await GrantParties.LoadAsync(expiring.CollaborationId, stream.Aggregate, session, ct);
            if (parties is null || RequestGrantExtensionEndpoint.Broken(wanted, parties, now).Any()) continue;
            var asked = RequestGrantExtensionEndpoint.Decide(stream.Aggregate!, Guid.NewGuid(), wanted, caller.UserId);
            stream.AppendOne(asked);
            messages.Add(RequestGrantExtensionEndpoint.Told(asked, now));
            requested.Add(expiring with { PendingExtension = new ExtensionRequest(asked.RequestId, wanted, caller.UserId, now) });
        }
        return (new ExtensionsRequested(requested), messages);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
