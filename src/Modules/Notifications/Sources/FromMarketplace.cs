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

    /// <summary>
    /// Messages are the one news that comes at the pace people type, so they are heard in batches
    /// (<see cref="NotificationsModule.MessageBatch"/>): the accounts, the running collaborations and what was delivered
    /// before are read once for the batch, and every notification is written in one transaction. A batch that fails is
    /// retried whole; delivery is once per message and person, so what it had done stays done.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(Marketplace.ConversationMessagePosted[] messages, IDocumentSession session)
    {
        var fromClients = messages.Where(m => m.Side == Contracts.Sides.Client).Select(m => m.ClientAccountId).Distinct().ToArray();
        var batch = session.CreateBatchQuery();
        var accounts = batch.LoadMany<NotificationAccount>().ById(messages.SelectMany(m => new[] { m.ClientAccountId, m.PartnerAccountId }).Distinct().ToArray());
        var running = batch.Query<NotificationCollaboration>().Where(c => c.ClientAccountId.IsOneOf(fromClients) && !c.Ended).ToList();
        await batch.Execute();
        var account = (await accounts).ToDictionary(a => a.Id);
        var working = (await running).ToLookup(c => (c.ClientAccountId, c.PartnerAccountId));

        return await Deliver.EachAsync(session, messages.SelectMany(m =>
        {
            var client = account.GetValueOrDefault(m.ClientAccountId);
            var firm = account.GetValueOrDefault(m.PartnerAccountId);
            // To the client's side, its members; to the firm's, its administrators and the managers of a collaboration
            // already running with this client.
            var others = m.Side == Contracts.Sides.Client
                ? Audience.Managers(firm).Concat(working[(m.ClientAccountId, m.PartnerAccountId)].SelectMany(c => Audience.FirmSide(firm, c)))
                : Audience.Members(client);
            var from = m.Side == Contracts.Sides.Client ? client?.Name : firm?.Name;
            var news = new News("message_posted", m.MessageId.ToString(), $"Nuevo mensaje de {from}.", $"New message from {from}.",
                $"/api/v1/conversations/{m.ConversationId}", m.Side == Contracts.Sides.Client ? m.PartnerAccountId : m.ClientAccountId);
            return Deliver.Each(others.Where(r => r.UserId != m.AuthorUserId), news);
        }));
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
