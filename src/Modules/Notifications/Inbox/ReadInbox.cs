
namespace Holded.Partners.Notifications.Inbox;

public sealed record InboxItem(Guid Id, string Kind, string Text, string Link, Guid? AccountId, DateTimeOffset At, bool Read);

public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Page, int PageSize, long Total, long Unread);

public sealed record UnreadCount(long Unread);

/// <summary>How many were marked read, and how many unread remain (read-all marks at most <see cref="ReadAllNotificationsEndpoint.ReadAllAtOnce"/> at a time).</summary>
public sealed record MarkedRead(int Marked, long Remaining = 0);

/// <summary>A person's inbox, newest first, in their language. Nobody reads another's.</summary>
public static class ReadInboxEndpoint
{
    public static ProblemDetails Validate(Caller caller, int? page, int? pageSize) =>
        Inbox.RequirePerson(caller) is { Status: not null } refused ? refused : new Check().PageOf(page, pageSize).Result();

    [WolverineGet("/api/v1/notifications")]
    public static async Task<InboxPage> Get(bool? unread, int? page, int? pageSize, Caller caller, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var query = Inbox.Mine(session, caller);
        if (unread is { } onlyUnread) query = query.Where(n => n.Read != onlyUnread);
        var found = await query.OrderByDescending(n => n.At).ToPageAsync(page, pageSize, ct);
        var english = Language.Of(http.Request) == Language.English;
        return new InboxPage(
            [.. found.Items.Select(n => new InboxItem(n.Id, n.Kind, english ? n.TextEn : n.Text, n.Link, n.AccountId, n.At, n.Read))],
            found.PageNumber, found.PageSize, found.Total, await Inbox.Mine(session, caller).CountAsync(n => !n.Read, ct));
    }
}

/// <summary>A person's notifications, whichever use case reads or marks them.</summary>
public static class Inbox
{
    public static ProblemDetails RequirePerson(Caller caller) => caller.IsPerson ? Problems.None : Problems.Forbidden("An inbox belongs to a person.");

    public static IQueryable<Notification> Mine(IQuerySession session, Caller caller)
    {
        var all = session.Query<Notification>();
        if (!caller.EmailVerified || caller.Email.Length == 0) return all.Where(n => n.UserId == caller.UserId); // an unverified email matches nothing
        return all.Where(n => n.UserId == caller.UserId || (n.UserId == null && n.Email == caller.Email));
    }

    // Each mark takes its stream's lock, so two marks at once record one read.
    internal static async Task MarkAsync(IDocumentSession session, Guid id, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<Notification>(id, ct);
        if (stream.Aggregate is { Read: false }) stream.AppendOne(new NotificationRead(id));
    }
}
