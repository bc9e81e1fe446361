namespace Holded.Partners.Notifications.Inbox;

/// <summary>Marking every notification of a person read, the oldest first, a bounded number at a time.</summary>
public static class ReadAllNotificationsEndpoint
{
    /// <summary>A bounded transaction: the oldest unread first, this many at a time; the answer says how many remain.</summary>
    public const int ReadAllAtOnce = 200;

    public static ProblemDetails Validate(Caller caller) => Inbox.RequirePerson(caller);

    [WolverinePost("/api/v1/notifications/read-all")]
    public static async Task<MarkedRead> Post(Caller caller, IDocumentSession session, CancellationToken ct)
    {
        var unread = await Inbox.Mine(session, caller).Where(n => !n.Read).OrderBy(n => n.At).Select(n => n.Id).Take(ReadAllAtOnce + 1).ToListAsync(ct);
        foreach (var id in unread.Take(ReadAllAtOnce)) await Inbox.MarkAsync(session, id, ct);
        var remaining = unread.Count > ReadAllAtOnce ? await Inbox.Mine(session, caller).CountAsync(n => !n.Read, ct) - ReadAllAtOnce : 0;
        return new MarkedRead(Math.Min(unread.Count, ReadAllAtOnce), remaining);
    }
}
