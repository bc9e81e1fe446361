using Holded.Partners.Notifications.Inbox;
using Holded.Partners.Notifications.Replicas;

namespace Holded.Partners.Notifications.Sources;

/// <summary>Requests for the firm's administrators; messages for the other side; a declined request for both sides.</summary>
public static class MarketplaceNewsHandler
{
    public static async Task<OutgoingMessages> Handle(Marketplace.CollaborationRequested m, IDocumentSession session) =>
        await Deliver.ToAsync(session, Audience.Managers(await session.LoadAsync<NotificationAccount>(m.PartnerAccountId)), new News(
            "collaboration_requested", m.RequestId.ToString(),
            $"{m.ClientName} quiere colaborar con vosotros.", $"{m.ClientName} wants to work with you.",
            $"/api/v1/conversations/{m.ConversationId}", m.PartnerAccountId));

    public static async Task<OutgoingMessages> Handle(Marketplace.ConversationMessagePosted m, IDocumentSession session)
    {
        var (client, firm) = await Audience.AccountsAsync(session, m.ClientAccountId, m.PartnerAccountId);
        IEnumerable<Recipient> others;
        if (m.Side == Contracts.Sides.Client)
        {
            // The firm: its administrators, and the managers of a collaboration already running with this client.
            var working = await session.Query<NotificationCollaboration>()
                .Where(c => c.ClientAccountId == m.ClientAccountId && c.PartnerAccountId == m.PartnerAccountId && !c.Ended).ToListAsync();
            others = Audience.Managers(firm).Concat(working.SelectMany(c => Audience.FirmSide(firm, c)));
        }
        else others = Audience.Members(client);
        var from = m.Side == Contracts.Sides.Client ? client?.Name : firm?.Name;
        return await Deliver.ToAsync(session, others.Where(r => r.UserId != m.AuthorUserId), new News(
            "message_posted", m.MessageId.ToString(),
            $"Nuevo mensaje de {from}.", $"New message from {from}.",
            $"/api/v1/conversations/{m.ConversationId}", m.Side == Contracts.Sides.Client ? m.PartnerAccountId : m.ClientAccountId));
    }

    public static async Task<OutgoingMessages> Handle(Marketplace.CollaborationRequestDeclined m, IDocumentSession session)
    {
        var (client, firm) = await Audience.AccountsAsync(session, m.ClientAccountId, m.PartnerAccountId);
        return await Deliver.ToAsync(session, Audience.Members(client).Concat(Audience.Managers(firm)), new News(
            "collaboration_declined", m.RequestId.ToString(),
            $"{firm?.Name} ha rechazado la solicitud de colaboración de {client?.Name}: {m.Reason}",
            $"{firm?.Name} declined {client?.Name}'s collaboration request: {m.Reason}",
            $"/api/v1/conversations/{m.ConversationId}"));
    }
}
