using Holded.Partners.Notifications.Replicas;

namespace Holded.Partners.Notifications.Settings;

public sealed record ClientKpisInput(Guid ClientAccountId, IReadOnlyList<string>? Kpis);

public sealed record SetNotificationSettings(bool? Email, IReadOnlyList<string>? Kpis, IReadOnlyList<ClientKpisInput>? Clients);

/// <summary>Step 7: a firm member reads and replaces their notification settings. The same settings again record nothing.</summary>
public static class NotificationSettingsEndpoint
{
    public const int MaxClients = 1000;

    public static ProblemDetails Validate(Caller caller) =>
        caller.IsPerson ? Problems.None : Problems.Forbidden("Notification settings are a person's own.");

    [WolverineGet("/api/v1/notification-settings")]
    public static Task<NotificationSettings> Get(Caller caller, IQuerySession session, CancellationToken ct) =>
        NotificationSettings.LoadAsync(session, caller.UserId, ct);
}

public static class SetNotificationSettingsEndpoint
{
    /// <summary>Who and the input, then the rule: an override is only for a client the member reaches. Every refusal here.</summary>
    public static async Task<ProblemDetails> ValidateAsync(SetNotificationSettings command, Caller caller, IDocumentSession session, CancellationToken ct)
    {
        var input = Input(command, caller);
        if (input.Status is not null) return input;
        var clients = (command.Clients ?? []).Select(c => c.ClientAccountId).ToArray();
        return Problems.RefuseIfAny(Broken(clients, await Reached(session, caller.UserId, clients, ct)));
    }

    public static ProblemDetails Input(SetNotificationSettings command, Caller caller)
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

    /// <summary>A per-client override is for a client the member reaches: through a firm of theirs, as administrator or assigned manager.</summary>
    public static IEnumerable<Rule> Broken(IReadOnlyCollection<Guid> clients, IReadOnlySet<Guid> reached)
    {
        var unreachable = clients.Where(c => !reached.Contains(c)).ToList();
        if (unreachable.Count > 0)
            yield return new Rule("client_not_reachable", $"Overrides are for clients you work for; these are not: {string.Join(", ", unreachable)}.");
    }

    /// <summary>The change the command asks of the settings as they are, or none when it says what is already so.</summary>
    public static NotificationSettingsChanged? Decide(SetNotificationSettings command, NotificationSettings current)
    {
        var changed = new NotificationSettingsChanged(current.UserId, command.Email!.Value, InCatalogOrder(command.Kpis!),
            [.. (command.Clients ?? []).OrderBy(c => c.ClientAccountId).Select(c => new ClientKpis(c.ClientAccountId, InCatalogOrder(c.Kpis!)))]);
        return current.Same(changed) ? null : changed;
    }

    /// <summary>Writers queue on the settings' stream (its lock): each decides from what the one before committed.</summary>
    [WolverinePut("/api/v1/notification-settings")]
    public static async Task<Committed<NotificationSettings>> Put(SetNotificationSettings command, Caller caller, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<NotificationSettings>(NotificationSettings.IdFor(caller.UserId), ct);
        if (Decide(command, stream.Aggregate ?? NotificationSettings.Default(caller.UserId)) is { } changed) stream.AppendOne(changed);
        var userId = caller.UserId;
        return Committed.Read((read, token) => NotificationSettings.LoadAsync(read, userId, token)); // as the GET answers it
    }

    private static string[] InCatalogOrder(IReadOnlyList<string> kpis) => [.. Catalogs.Kpis.Where(kpis.Contains)];

    /// <summary>Which of the clients the member reaches from the firm's side, in two reads whatever their number (at most a thousand).</summary>
    private static async Task<HashSet<Guid>> Reached(IQuerySession session, string userId, Guid[] clients, CancellationToken ct)
    {
        if (clients.Length == 0) return [];
        var collaborations = await session.Query<NotificationCollaboration>().Where(c => c.ClientAccountId.IsOneOf(clients) && !c.Ended).ToListAsync(ct);
        if (collaborations.Count == 0) return [];
        var firms = (await session.LoadManyAsync<NotificationAccount>(ct, collaborations.Select(c => c.PartnerAccountId).Distinct())).ToDictionary(f => f.Id);
        // The client's own members are not asking: settings are a firm member's, so only the firm's side of the reach counts.
        return [.. collaborations
            .Where(c => c.Reaches(userId, client: null, firms.GetValueOrDefault(c.PartnerAccountId)))
            .Select(c => c.ClientAccountId)];
    }
}
