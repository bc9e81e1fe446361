using Holded.Partners.Notifications.Inbox;
using Holded.Partners.Notifications.Replicas;

namespace Holded.Partners.Notifications.Sources;

/// <summary>
/// Just-in-time access: a request reaches those who approve it (the firm's administrators, and the client's owners and
/// admins when the client asks to approve too); each answer and the end reach the member who asked.
/// </summary>
public static class JustInTimeNewsHandler
{
    private static string Link(Guid requestId) => $"/api/v1/just-in-time/{requestId}";

    public static async Task<OutgoingMessages> Handle(Access.JustInTimeRequested m, IDocumentSession session)
    {
        var (client, firm) = await Audience.AccountsAsync(session, m.ClientAccountId, m.PartnerAccountId);
        var who = Name(firm, m.UserId);
        var es = string.Join(", ", m.Sections.Select(s => Labels.Of(s, Language.Spanish)));
        var en = string.Join(", ", m.Sections.Select(s => Labels.Of(s, Language.English)));
        var messages = await Deliver.ToAsync(session, Audience.Managers(firm).Where(r => r.UserId != m.UserId), new News("just_in_time_requested", $"{m.RequestId}|firm",
            $"{who} pide acceso temporal ({m.Hours} h) a {client?.Name}: {es}.", $"{who} asks for temporary access ({m.Hours} h) to {client?.Name}: {en}.",
            Link(m.RequestId), m.PartnerAccountId));
        if (m.ClientApprovalRequired)
            messages.AddRange(await Deliver.ToAsync(session, Audience.Managers(client), new News("just_in_time_requested", $"{m.RequestId}|client",
                $"{firm?.Name} pide acceso temporal ({m.Hours} h) a tu cuenta para {who}: {es}.",
                $"{firm?.Name} asks for temporary access ({m.Hours} h) to your account for {who}: {en}.", Link(m.RequestId), m.ClientAccountId)));
        return messages;
    }

    public static async Task<OutgoingMessages> Handle(Access.JustInTimeAnswered m, IDocumentSession session)
    {
        var (client, firm) = await Audience.AccountsAsync(session, m.ClientAccountId, m.PartnerAccountId);
        var (es, en) = (m.Approved, m.ExpiresAt) switch
        {
            (false, _) => ($"Tu petición de acceso temporal a {client?.Name} ha sido rechazada.", $"Your request for temporary access to {client?.Name} was declined."),
            (true, { } until) => ($"Tienes acceso temporal a {client?.Name} hasta el {until:dd/MM/yyyy HH:mm} (UTC).", $"You have temporary access to {client?.Name} until {until:yyyy-MM-dd HH:mm} (UTC)."),
            _ => ($"Tu petición de acceso temporal a {client?.Name} tiene una aprobación y espera la otra.", $"Your request for temporary access to {client?.Name} has one approval and awaits the other."),
        };
        return await Deliver.ToAsync(session, Requester(firm, m.UserId), new News("just_in_time_answered", $"{m.RequestId}|{m.Side}|{m.Approved}",
            es, en, Link(m.RequestId), m.PartnerAccountId));
    }

    /// <summary>The end reaches the member, and the approvers (the firm's administrators, the client's when it approved too) unless they ended it.</summary>
    public static async Task<OutgoingMessages> Handle(Access.JustInTimeEnded m, IDocumentSession session)
    {
        var (client, firm) = await Audience.AccountsAsync(session, m.ClientAccountId, m.PartnerAccountId);
        var who = Name(firm, m.UserId);
        var expired = m.Reason == "expired";
        var messages = await Deliver.ToAsync(session, Requester(firm, m.UserId).Where(r => r.UserId != m.By), new News("just_in_time_ended", $"{m.RequestId}|member",
            expired ? $"Tu acceso temporal a {client?.Name} ha caducado." : $"Tu acceso temporal a {client?.Name} ha terminado.",
            expired ? $"Your temporary access to {client?.Name} has expired." : $"Your temporary access to {client?.Name} has ended.", Link(m.RequestId), m.PartnerAccountId));
        var approvers = Audience.Managers(firm);
        if (m.ClientApprovalRequired) approvers = approvers.Concat(Audience.Managers(client));
        messages.AddRange(await Deliver.ToAsync(session, approvers.Where(r => r.UserId != m.By && r.UserId != m.UserId), new News("just_in_time_ended", $"{m.RequestId}|approvers",
            expired ? $"El acceso temporal de {who} a {client?.Name} ha caducado." : $"El acceso temporal de {who} a {client?.Name} ha terminado.",
            expired ? $"{who}'s temporary access to {client?.Name} has expired." : $"{who}'s temporary access to {client?.Name} has ended.", Link(m.RequestId), m.PartnerAccountId)));
        return messages;
    }

    private static string Name(NotificationAccount? firm, string userId) =>
        firm?.Members.FirstOrDefault(x => x.UserId == userId) is { } member && member.Name.Length > 0 ? member.Name : userId;

    private static IEnumerable<Recipient> Requester(NotificationAccount? firm, string userId) =>
        firm?.Current.Where(x => x.UserId == userId).Select(x => new Recipient(x.UserId, x.Email)) ?? [];
}
