using Holded.Partners.Notifications.Mail;
using Holded.Partners.Notifications.Settings;

namespace Holded.Partners.Notifications.Inbox;

/// <summary>What to tell whom: the kind, a stable key of the fact it is about, the text in Spanish and English, a link.</summary>
public sealed record News(string Kind, string About, string Text, string TextEn, string Link, Guid? AccountId = null);

/// <summary>Puts news in each recipient's inbox, once per fact and person, and queues its email for those who want one.</summary>
public static class Deliver
{
    public static async Task<OutgoingMessages> ToAsync(IDocumentSession session, IEnumerable<Recipient> recipients, News news)
    {
        var mail = new OutgoingMessages();
        var to = recipients.DistinctBy(r => r.UserId ?? r.Email)
            .Select(r => (Recipient: r, Id: Notification.IdFor(news.Kind, news.About, r))).ToList();
        if (to.Count == 0) return mail;

        // What was delivered before and who wants email, for every recipient at once: one round trip however many.
        var batch = session.CreateBatchQuery();
        var heard = batch.LoadMany<Notification>().ById(to.Select(t => t.Id).ToArray());
        var settings = batch.LoadMany<NotificationSettings>().ById(
            to.Where(t => t.Recipient.UserId is not null).Select(t => NotificationSettings.IdFor(t.Recipient.UserId!)).ToArray());
        await batch.Execute();
        var delivered = (await heard).Select(n => n.Id).ToHashSet();
        var emailed = (await settings).Where(s => s.Email).Select(s => s.UserId).ToHashSet();

        foreach (var (recipient, id) in to.Where(t => !delivered.Contains(t.Id))) // heard before: nothing again
        {
            session.Events.StartStream<Notification>(id, new NotificationDelivered(
                id, recipient.UserId, recipient.Email, news.Kind, news.Text, news.TextEn, news.Link, news.AccountId));
            if (recipient.UserId is not null && emailed.Contains(recipient.UserId) && recipient.Email.Length > 0)
                mail.Add(new SendNotificationEmail(id, recipient.Email, news.Text, news.TextEn, news.Link));
        }
        return mail;
    }
}
