using Holded.Partners.Notifications.Mail;
using Holded.Partners.Notifications.Settings;

namespace Holded.Partners.Notifications.Inbox;

/// <summary>What to tell whom: the kind, a stable key of the fact it is about, the text in Spanish and English, a link.</summary>
public sealed record News(string Kind, string About, string Text, string TextEn, string Link, Guid? AccountId = null);

/// <summary>Puts news in each recipient's inbox, once per fact and person, and queues its email for those who want one.</summary>
public static class Deliver
{
    public static Task<OutgoingMessages> ToAsync(IDocumentSession session, IEnumerable<Recipient> recipients, News news) =>
        EachAsync(session, Each(recipients, news));

    /// <summary>One news for each of its recipients, once per person.</summary>
    public static IEnumerable<(Recipient Recipient, News News)> Each(IEnumerable<Recipient> recipients, News news) =>
        recipients.DistinctBy(r => r.UserId ?? r.Email).Select(r => (r, news));

    /// <summary>
    /// Each recipient's own news (a news thread's next generation is each person's own; a batch of messages, each
    /// message's), delivered as above. The same fact for the same person twice (a message heard twice in one batch) is one.
    /// </summary>
    public static async Task<OutgoingMessages> EachAsync(IDocumentSession session, IEnumerable<(Recipient Recipient, News News)> deliveries)
    {
        var mail = new OutgoingMessages();
        var to = deliveries.Select(d => (d.Recipient, d.News, Id: Notification.IdFor(d.News.Kind, d.News.About, d.Recipient))).DistinctBy(t => t.Id).ToList();
        if (to.Count == 0) return mail;

        // What was delivered before and who wants email, for every recipient at once: one round trip however many.
        var batch = session.CreateBatchQuery();
        var heard = batch.LoadMany<Notification>().ById(to.Select(t => t.Id).ToArray());
        var settings = batch.LoadMany<NotificationSettings>().ById(
            to.Where(t => t.Recipient.UserId is not null).Select(t => NotificationSettings.IdFor(t.Recipient.UserId!)).ToArray());
        await batch.Execute();
        var delivered = (await heard).Select(n => n.Id).ToHashSet();
        var emailed = (await settings).Where(s => s.Email).Select(s => s.UserId).ToHashSet();

        foreach (var (recipient, news, id) in to.Where(t => !delivered.Contains(t.Id))) // heard before: nothing again
        {
            session.Events.StartStream<Notification>(id, new NotificationDelivered(
                id, recipient.UserId, recipient.Email, news.Kind, news.Text, news.TextEn, news.Link, news.AccountId));
            if (recipient.UserId is not null && emailed.Contains(recipient.UserId) && recipient.Email.Length > 0)
                mail.Add(new SendNotificationEmail(id, recipient.Email, news.Text, news.TextEn, news.Link));
        }
        return mail;
    }

    /// <summary>
    /// News of a count that keeps moving (a KPI rising with each report): while a person has not read the last one, it
    /// is updated in place, and emailed only when it is new; so the inbox and the mail stay bounded at any report rate.
    /// <paramref name="version"/> orders the facts: one already said, or older, changes nothing.
    /// </summary>
    public static async Task<OutgoingMessages> UpdatingAsync(IDocumentSession session, IEnumerable<Recipient> recipients, News news, string thread, long version)
    {
        var people = recipients.Where(r => r.UserId is not null).DistinctBy(r => r.UserId).ToList();
        var threads = (await session.LoadManyAsync<NewsThread>(people.Select(r => NewsThread.IdFor(news.Kind, thread, r.UserId!)))).ToDictionary(t => t.Id);
        var current = (await session.LoadManyAsync<Notification>(threads.Values.Select(t => t.Current))).ToDictionary(n => n.Id);
        var fresh = new List<(Recipient, News)>();
        foreach (var person in people)
        {
            var id = NewsThread.IdFor(news.Kind, thread, person.UserId!);
            var known = threads.GetValueOrDefault(id);
            if (known?.Version >= version) continue;
            if (known is not null && current.GetValueOrDefault(known.Current) is { Read: false } unread)
            {
                // At the version it was read unread: a read in between makes this a conflict, retried, and then news anew.
                session.Events.Append(unread.Id, unread.Version + 1, new NotificationUpdated(unread.Id, news.Text, news.TextEn));
                session.Store(known with { Version = version });
                continue;
            }
            // A new one, named by the thread's generation: two first rises at once meet on its stream id, and the
            // second, retried, finds it and updates it.
            var generation = (known?.Generation ?? 0) + 1;
            var next = news with { About = $"{thread}|{generation}" };
            session.Store(new NewsThread(id, Notification.IdFor(news.Kind, next.About, person), generation, version));
            fresh.Add((person, next));
        }
        // The new ones in one round trip, however many people.
        return await EachAsync(session, fresh);
    }
}
