using JasperFx.Events;

namespace Holded.Partners.Notifications.Settings;

/// <summary>The KPIs that notify for one client, overriding the default.</summary>
public sealed record ClientKpis(Guid ClientAccountId, IReadOnlyList<string> Kpis);

public sealed record NotificationSettingsChanged(string UserId, bool Email, IReadOnlyList<string> Kpis, IReadOnlyList<ClientKpis> Clients);

/// <summary>
/// A firm member's choice of which KPIs notify them: a default for all clients, overrides per client (the gear in the
/// clients table), and whether notifications also come by email. In-app notifications always arrive. Until a member
/// chooses, every KPI notifies and nothing is emailed.
/// </summary>
public sealed record NotificationSettings(Guid Id, string UserId, bool Email, IReadOnlyList<string> Kpis, IReadOnlyList<ClientKpis> Clients)
{
    public long Version { get; set; }

    public static Guid IdFor(string userId) => StableIds.For("notification-settings", userId);

    public static NotificationSettings Default(string userId) => new(IdFor(userId), userId, false, Catalogs.Kpis, []);

    public static NotificationSettings Create(IEvent<NotificationSettingsChanged> e) => Default(e.Data.UserId).Apply(e.Data);

    public NotificationSettings Apply(NotificationSettingsChanged e) => this with { Email = e.Email, Kpis = e.Kpis, Clients = e.Clients };

    public bool Notifies(string kpi, Guid client) =>
        (Clients.FirstOrDefault(c => c.ClientAccountId == client)?.Kpis ?? Kpis).Contains(kpi);

    public bool Same(NotificationSettingsChanged e) =>
        Email == e.Email && Kpis.SequenceEqual(e.Kpis)
        && Clients.Count == e.Clients.Count && Clients.Zip(e.Clients).All(p => p.First.ClientAccountId == p.Second.ClientAccountId && p.First.Kpis.SequenceEqual(p.Second.Kpis));

    public static async Task<NotificationSettings> LoadAsync(IQuerySession session, string userId, CancellationToken ct = default) =>
        await session.LoadAsync<NotificationSettings>(IdFor(userId), ct) ?? Default(userId);
}
