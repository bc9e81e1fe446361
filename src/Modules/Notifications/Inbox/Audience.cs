using Holded.Partners.Notifications.Replicas;

namespace Holded.Partners.Notifications.Inbox;

/// <summary>Who hears about what, by the same visibility rules as the rest of the product.</summary>
public static class Audience
{
    /// <summary>An account's administrators (a firm) or owners and admins (a client).</summary>
    public static IEnumerable<Recipient> Managers(NotificationAccount? account) =>
        account?.Current.Where(m => Roles.Manages(account.Kind, m.Role)).Select(m => new Recipient(m.UserId, m.Email)) ?? [];

    public static IEnumerable<Recipient> Members(NotificationAccount? account) =>
        account?.Current.Select(m => new Recipient(m.UserId, m.Email)) ?? [];

    /// <summary>The firm's side of a collaboration: those of its members who reach it (<see cref="CollaborationReach"/>), its administrators and assigned managers.</summary>
    public static IEnumerable<Recipient> FirmSide(NotificationAccount? firm, NotificationCollaboration? collaboration) =>
        firm?.Current
            .Where(m => CollaborationReach.Reaches(m.UserId, client: null, firm, collaboration?.IsManager(m.UserId) == true))
            .Select(m => new Recipient(m.UserId, m.Email)) ?? [];

    public static async Task<(NotificationAccount? Client, NotificationAccount? Firm)> AccountsAsync(IQuerySession session, Guid client, Guid firm)
    {
        var accounts = await session.LoadManyAsync<NotificationAccount>(client, firm);
        return (accounts.FirstOrDefault(a => a.Id == client), accounts.FirstOrDefault(a => a.Id == firm));
    }
}
