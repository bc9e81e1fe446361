using Holded.Partners.Notifications.Inbox;
using Holded.Partners.Notifications.Replicas;

namespace Holded.Partners.Notifications.Sources;

/// <summary>Access given, changed, expiring or ended: the firm's side hears all; the client hears what it did not do itself.</summary>
public static class AccessNewsHandler
{
    public static Task<OutgoingMessages> Handle(Access.AccessGranted m, IDocumentSession session) =>
        ToFirm(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId, "access_granted", $"{m.At.UtcTicks}",
            c => ($"{c} os ha dado acceso con el rol {Labels.Of(m.Role, Language.Spanish)}.", $"{c} granted you access as {Labels.Of(m.Role, Language.English)}."));

    public static Task<OutgoingMessages> Handle(Access.AccessGrantChanged m, IDocumentSession session) =>
        ToFirm(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId, "access_changed", $"{m.At.UtcTicks}",
            c => ($"{c} ha cambiado vuestro acceso: ahora {Labels.Of(m.ToRole, Language.Spanish)}.", $"{c} changed your access: now {Labels.Of(m.ToRole, Language.English)}."));

    public static Task<OutgoingMessages> Handle(Access.AccessGrantEnded m, IDocumentSession session) =>
        ToFirm(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId, "access_ended", $"{m.Reason}|{m.At.UtcTicks}",
            c => m.Reason switch
            {
                Access.GrantEndReasons.Removed => ($"{c} ha retirado vuestro acceso.", $"{c} removed your access."),
                Access.GrantEndReasons.Expired => ($"Vuestro acceso a {c} ha caducado.", $"Your access to {c} has expired."),
                _ => ($"Vuestro acceso a {c} ha terminado con la colaboración.", $"Your access to {c} ended with the collaboration."),
            },
            alsoClient: m.Reason == Access.GrantEndReasons.Expired);

    public static Task<OutgoingMessages> Handle(Access.AccessGrantExpiring m, IDocumentSession session) =>
        ToFirm(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId, "access_expiring", $"{m.Days}|{m.ExpiresAt.UtcTicks}",
            c => ($"El acceso a {c} caduca en {m.Days} días.", $"Access to {c} expires in {m.Days} days."), alsoClient: true);

    /// <summary>A firm's extension request is the client's to answer: its owners and admins hear it, with the link to answer.</summary>
    public static async Task<OutgoingMessages> Handle(Access.AccessExtensionRequested m, IDocumentSession session)
    {
        var (client, firm) = await Audience.AccountsAsync(session, m.ClientAccountId, m.PartnerAccountId);
        return await Deliver.ToAsync(session, Audience.Managers(client), new News("access_extension_requested", $"{m.CollaborationId}|{m.RequestId}",
            $"{firm?.Name} pide ampliar su acceso hasta el {m.ExpiresAt:dd/MM/yyyy}.", $"{firm?.Name} asks to extend its access until {m.ExpiresAt:yyyy-MM-dd}.",
            $"/api/v1/collaborations/{m.CollaborationId}/access-grant", m.ClientAccountId));
    }

    public static Task<OutgoingMessages> Handle(Access.AccessExtensionAnswered m, IDocumentSession session) =>
        ToFirm(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId, "access_extension_answered", $"{m.RequestId}",
            c => m.Approved
                ? ($"{c} ha ampliado vuestro acceso hasta el {m.ExpiresAt:dd/MM/yyyy}.", $"{c} extended your access until {m.ExpiresAt:yyyy-MM-dd}.")
                : ($"{c} no ha ampliado vuestro acceso: caduca el {m.ExpiresAt:dd/MM/yyyy}.", $"{c} declined to extend your access: it expires on {m.ExpiresAt:yyyy-MM-dd}."));

    private static async Task<OutgoingMessages> ToFirm(IDocumentSession session, Guid collaborationId, Guid clientId, Guid firmId,
        string kind, string about, Func<string?, (string Es, string En)> text, bool alsoClient = false)
    {
        var (client, firm) = await Audience.AccountsAsync(session, clientId, firmId);
        var collaboration = await session.LoadAsync<NotificationCollaboration>(collaborationId);
        var (es, en) = text(client?.Name);
        var recipients = Audience.FirmSide(firm, collaboration);
        if (alsoClient) recipients = recipients.Concat(Audience.Managers(client));
        return await Deliver.ToAsync(session, recipients, new News(kind, $"{collaborationId}|{about}", es, en,
            $"/api/v1/collaborations/{collaborationId}/access-grant", firmId));
    }
}
