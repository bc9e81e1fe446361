using Holded.Partners.Notifications.Parties;

namespace Holded.Partners.Notifications.Settings;

public sealed record ClientKpisInput(Guid ClientAccountId, IReadOnlyList<string>? Kpis);

public sealed record SetNotificationSettings(bool? Email, IReadOnlyList<string>? Kpis, IReadOnlyList<ClientKpisInput>? Clients);

/// <summary>Step 7: a firm member reads and replaces their notification settings. The same settings again record nothing.</summary>
public static class NotificationSettingsEndpoint
{
    public const int MaxClients = 1000;

    [WolverineGet("/api/v1/notification-settings")]
    public static async Task<IResult> Get(Caller caller, IQuerySession session, CancellationToken ct) =>
        caller.IsPerson
            ? Results.Ok(await NotificationSettings.LoadAsync(session, caller.UserId, ct))
            : Results.Problem(Problems.Forbidden("Notification settings are a person's own."));
}

public static class SetNotificationSettingsEndpoint
{
    public static ProblemDetails Validate(SetNotificationSettings command, Caller caller)
    {
        if (!caller.IsPerson) return Problems.Forbidden("Notification settings are a person's own.");
        var check = new Check()
            .That(command.Email is not null, "email", "is required: true to receive notifications by email too.")
            .That(command.Kpis is not null, "kpis", $"is required: the KPIs that notify for every client; any of {string.Join(", ", Catalogs.Kpis)}.")
            .AllOf("kpis", command.Kpis, Catalogs.Kpis, Catalogs.Kpis.Count)
            .That(command.Clients is null || command.Clients.Count <= NotificationSettingsEndpoint.MaxClients, "clients",
                $"must have at most {NotificationSettingsEndpoint.MaxClients} entries.")
            .That(command.Clients is null || command.Clients.Select(c => c?.ClientAccountId).Distinct().Count() == command.Clients.Count, "clients",
                "must name each client once.");
        var clients = command.Clients ?? [];
        for (var i = 0; i < clients.Count; i++)
            check.That(clients[i] is { ClientAccountId: var id } && id != Guid.Empty, $"clients[{i}].clientAccountId", "is required.")
                .That(clients[i]?.Kpis is not null, $"clients[{i}].kpis", "is required: the KPIs that notify for this client (empty for none).")
                .AllOf($"clients[{i}].kpis", clients[i]?.Kpis, Catalogs.Kpis, Catalogs.Kpis.Count);
        return check.Result();
    }

    [WolverinePut("/api/v1/notification-settings")]
    public static async Task<IResult> Put(SetNotificationSettings command, Caller caller, IDocumentSession session, CancellationToken ct)
    {
        var clients = command.Clients ?? [];
        // A per-client override is for a client the member reaches: through a firm of theirs, as administrator or manager.
        var reached = await Reached(session, caller.UserId, [.. clients.Select(c => c.ClientAccountId)], ct);
        var unreachable = clients.Select(c => c.ClientAccountId).Where(c => !reached.Contains(c)).ToList();
        if (unreachable.Count > 0)
            return Results.Problem(Problems.Refused(new Rule("client_not_reachable",
                $"Overrides are for clients you work for; these are not: {string.Join(", ", unreachable)}.")));

        var changed = new NotificationSettingsChanged(caller.UserId, command.Email!.Value, InCatalogOrder(command.Kpis!),
            [.. clients.OrderBy(c => c.ClientAccountId).Select(c => new ClientKpis(c.ClientAccountId, InCatalogOrder(c.Kpis!)))]);
        var stream = await session.Events.FetchForExclusiveWriting<NotificationSettings>(NotificationSettings.IdFor(caller.UserId), ct);
        var current = stream.Aggregate ?? NotificationSettings.Default(caller.UserId);
        if (current.Same(changed)) return Results.Ok(current);
        stream.AppendOne(changed);
        return Results.Ok(current.Apply(changed) with { Version = current.Version + 1 });
    }

    private static string[] InCatalogOrder(IReadOnlyList<string> kpis) => [.. Catalogs.Kpis.Where(kpis.Contains)];

    /// <summary>Which of the clients the member reaches, in two reads whatever their number (at most a thousand).</summary>
    private static async Task<HashSet<Guid>> Reached(IQuerySession session, string userId, Guid[] clients, CancellationToken ct)
    {
        if (clients.Length == 0) return [];
        var collaborations = await session.Query<NotificationCollaboration>().Where(c => c.ClientAccountId.IsOneOf(clients) && !c.Ended).ToListAsync(ct);
        if (collaborations.Count == 0) return [];
        var firms = (await session.LoadManyAsync<NotificationAccount>(ct, collaborations.Select(c => c.PartnerAccountId).Distinct())).ToDictionary(f => f.Id);
        return [.. collaborations
            .Where(c => firms.TryGetValue(c.PartnerAccountId, out var firm) && (firm.IsManagedBy(userId) || (firm.IsMember(userId) && c.IsManager(userId))))
            .Select(c => c.ClientAccountId)];
    }
}
