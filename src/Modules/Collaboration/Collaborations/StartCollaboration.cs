using Marketplace = Holded.Partners.Contracts.Marketplace;

namespace Holded.Partners.Collaboration.Collaborations;

/// <summary>
/// An accepted request starts a collaboration, exactly once: its id comes from the request, so a message delivered
/// twice finds the collaboration already there (and two deliveries at once collide on the stream id, and the retry finds it).
/// </summary>
public static class StartCollaborationHandler
{
    public static async Task<Tell> Handle(Marketplace.CollaborationAgreed m, IDocumentSession session, TimeProvider clock)
    {
        var id = CollaborationView.IdFor(m.RequestId);
        var stream = await session.Events.FetchForWriting<CollaborationView>(id);
        if (stream.Aggregate is not null) return new Tell();
        stream.AppendOne(new CollaborationStarted(id, m.RequestId, m.ConversationId, m.ClientAccountId, m.ClientName,
            m.PartnerAccountId, m.PartnerName, m.RequestedBy, m.AcceptedBy));
        return new Tell(new Contract.CollaborationStarted(id, m.RequestId, m.ConversationId, m.ClientAccountId, m.PartnerAccountId, clock.GetUtcNow(), 1));
    }
}
