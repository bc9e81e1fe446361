using JasperFx.Events;

namespace Holded.Partners.Notifications.Inbox;

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
