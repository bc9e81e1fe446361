namespace Holded.Partners.Notifications.Inbox;

/// <summary>How many of a person's notifications are unread: the badge beside the bell.</summary>
public static class CountUnreadEndpoint
{
    public static ProblemDetails Validate(Caller caller) => Inbox.RequirePerson(caller);

    [WolverineGet("/api/v1/notifications/unread-count")]
    public static async Task<UnreadCount> Get(Caller caller, IQuerySession session, CancellationToken ct) =>
        new(await Inbox.Mine(session, caller).CountAsync(n => !n.Read, ct));
}
