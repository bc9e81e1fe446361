using Collaboration = Holded.Partners.Contracts.Collaboration;

namespace Holded.Partners.Marketplace.Conversations;

/// <summary>When a collaboration ends, the pair may ask again. Idempotent: an ended pair stays ended.</summary>
public static class PairingHandler
{
    public static async Task Handle(Collaboration.CollaborationEnded m, IDocumentSession session)
    {
        var pairing = await session.LoadAsync<Pairing>(Pairing.IdFor(m.ClientAccountId, m.PartnerAccountId));
        if (pairing is null || !pairing.Collaborating) return;
        pairing.Collaborating = false;
        session.Store(pairing);
    }
}
