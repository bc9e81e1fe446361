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
        foreach (var to in recipients.DistinctBy(r => r.UserId ?? r.Email))
        {
            var id = Notification.IdFor(news.Kind, news.About, to);
            if (await session.LoadAsync<Notification>(id) is not null) continue; // heard before
            session.Events.StartStream<Notification>(id,
                new NotificationDelivered(id, to.UserId, to.Email, news.Kind, news.Text, news.TextEn, news.Link, news.AccountId));
            if (to.UserId is not null && (await NotificationSettings.LoadAsync(session, to.UserId)).Email && to.Email.Length > 0)
                mail.Add(new SendNotificationEmail(id, to.Email, news.Text, news.TextEn, news.Link));
        }
        return mail;
    }
}
