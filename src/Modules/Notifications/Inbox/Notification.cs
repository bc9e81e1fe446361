using JasperFx.Events;

namespace Holded.Partners.Notifications.Inbox;

/// <summary>Who a notification is for: a person by user id, or (an invitation) by the email they will sign in with.</summary>
public sealed record Recipient(string? UserId, string Email);

public sealed record NotificationDelivered(
    Guid NotificationId, string? UserId, string Email, string Kind, string Text, string TextEn, string Link, Guid? AccountId);

public sealed record NotificationRead(Guid NotificationId);

/// <summary>Unread news of a count that moved again, said anew in its place (and at the top of the inbox), with no email.</summary>
public sealed record NotificationUpdated(Guid NotificationId, string Text, string TextEn);

/// <summary>
/// One notification in one person's inbox, on a stream of its own whose id is derived from what it is about and whom
/// it is for: the same fact delivered twice finds its stream already there, so it is one notification.
/// </summary>
public sealed record Notification(
    Guid Id, string? UserId, string Email, string Kind, string Text, string TextEn, string Link, Guid? AccountId, DateTimeOffset At, bool Read)
{
    public long Version { get; set; }

    public static Guid IdFor(string kind, string about, Recipient to) =>
        StableIds.For("notification", $"{kind}|{about}|{to.UserId ?? "email:" + to.Email.ToLowerInvariant()}");

    public static Notification Create(IEvent<NotificationDelivered> e) => new(
        e.Data.NotificationId, e.Data.UserId, e.Data.Email.ToLowerInvariant(), e.Data.Kind, e.Data.Text, e.Data.TextEn, e.Data.Link,
        e.Data.AccountId, e.At(), false);

    public Notification Apply(NotificationRead e) => this with { Read = true };

    public Notification Apply(IEvent<NotificationUpdated> e) => this with { Text = e.Data.Text, TextEn = e.Data.TextEn, At = e.At() };

    /// <summary>Addressed to this caller: by user id, or by a verified email (an invitation arrives before the account).</summary>
    public bool IsFor(Caller caller) => UserId == caller.UserId || (UserId is null && caller.EmailVerified && Email == caller.Email);
}

/// <summary>
/// One person's running news of one thing whose count moves (a client's section): the notification that says it now,
/// its generation (the how-many-th notification of the thread it is), and the version of the fact it last said, so a
/// repeated or late fact changes nothing.
/// </summary>
public sealed record NewsThread(Guid Id, Guid Current, int Generation, long Version)
{
    public static Guid IdFor(string kind, string thread, string userId) => StableIds.For("news-thread", $"{kind}|{thread}|{userId}");
}
