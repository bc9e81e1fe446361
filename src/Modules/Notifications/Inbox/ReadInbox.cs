using JasperFx.Events;

namespace Holded.Partners.Notifications.Inbox;

public sealed record InboxItem(Guid Id, string Kind, string Text, string Link, Guid? AccountId, DateTimeOffset At, bool Read);

public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Page, int PageSize, long Total, long Unread);

public sealed record UnreadCount(long Unread);

/// <summary>How many were marked read, and how many unread remain (read-all marks at most <see cref="InboxEndpoints.ReadAllAtOnce"/> at a time).</summary>
public sealed record MarkedRead(int Marked, long Remaining = 0);

/// <summary>A person's inbox, newest first, in their language; marking one or all read. Nobody reads another's.</summary>
public static class InboxEndpoints
{
    public static ProblemDetails Validate(Caller caller, int? page, int? pageSize) =>
        !caller.IsPerson ? Problems.Forbidden("An inbox belongs to a person.") : new Check().PageOf(page, pageSize).Result();

    [WolverineGet("/api/v1/notifications")]
    public static async Task<InboxPage> Get(bool? unread, int? page, int? pageSize, Caller caller, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var query = Mine(session, caller);
        if (unread is { } onlyUnread) query = query.Where(n => n.Read != onlyUnread);
        var found = await query.OrderByDescending(n => n.At).ToPageAsync(page, pageSize, ct);
        var english = Language.Of(http.Request) == Language.English;
        return new InboxPage(
            [.. found.Items.Select(n => new InboxItem(n.Id, n.Kind, english ? n.TextEn : n.Text, n.Link, n.AccountId, n.At, n.Read))],
            found.PageNumber, found.PageSize, found.Total, await Mine(session, caller).CountAsync(n => !n.Read, ct));
    }

    [WolverineGet("/api/v1/notifications/unread-count")]
    public static async Task<UnreadCount> Count(Caller caller, IQuerySession session, CancellationToken ct) =>
        new(await Mine(session, caller).CountAsync(n => !n.Read, ct));

    /// <summary>A bounded transaction: the oldest unread first, this many at a time; the answer says how many remain.</summary>
    public const int ReadAllAtOnce = 200;

    [WolverinePost("/api/v1/notifications/read-all")]
    public static async Task<MarkedRead> ReadAll(Caller caller, IDocumentSession session, CancellationToken ct)
    {
        var unread = await Mine(session, caller).Where(n => !n.Read).OrderBy(n => n.At).Select(n => n.Id).Take(ReadAllAtOnce + 1).ToListAsync(ct);
        foreach (var id in unread.Take(ReadAllAtOnce)) await MarkAsync(session, id, ct);
        var remaining = unread.Count > ReadAllAtOnce ? await Mine(session, caller).CountAsync(n => !n.Read, ct) - ReadAllAtOnce : 0;
        return new MarkedRead(Math.Min(unread.Count, ReadAllAtOnce), remaining);
    }

    // Each mark takes its stream's lock, so two marks at once record one read.
    internal static async Task MarkAsync(IDocumentSession session, Guid id, CancellationToken ct)
    {
        var stream = await session.Events.FetchForExclusiveWriting<Notification>(id, ct);
        if (stream.Aggregate is { Read: false }) stream.AppendOne(new NotificationRead(id));
    }

    private static IQueryable<Notification> Mine(IQuerySession session, Caller caller)
    {
        var all = session.Query<Notification>();
        if (!caller.EmailVerified || caller.Email.Length == 0) return all.Where(n => n.UserId == caller.UserId); // an unverified email matches nothing
        return all.Where(n => n.UserId == caller.UserId || (n.UserId == null && n.Email == caller.Email));
    }
}

/// <summary>Marking one notification read: its stream loaded once, under its lock, so two marks at once record one read.</summary>
public static class ReadNotificationEndpoint
{
    public static Task<IEventStream<Notification>> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        session.Events.FetchForExclusiveWriting<Notification>(id, ct);

    /// <summary>An inbox is a person's, and nobody learns of a notification that is not theirs.</summary>
    public static ProblemDetails Validate(IEventStream<Notification> stream, Caller caller) =>
        !caller.IsPerson ? Problems.Forbidden("An inbox belongs to a person.")
        : stream.Aggregate?.IsFor(caller) == true ? Problems.None
        : Problems.NotFound("notification");

    /// <summary>How many this marked: none when it was read already.</summary>
    [WolverinePost("/api/v1/notifications/{id}/read")]
    public static MarkedRead Read(Guid id, IEventStream<Notification> stream)
    {
        if (stream.Aggregate!.Read) return new MarkedRead(0);
        stream.AppendOne(new NotificationRead(id));
        return new MarkedRead(1);
    }
}
