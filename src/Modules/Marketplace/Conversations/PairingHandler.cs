using Collaboration = Holded.Partners.Contracts.Collaboration;

namespace Holded.Partners.Marketplace.Conversations;

/// <summary>
/// When the pair's collaboration ends, the pair may ask again. Only the end of the collaboration the pair is in counts:
/// a late or repeated end of an earlier one changes nothing.
/// </summary>
public static class PairingHandler
{
    public static async Task Handle(Collaboration.CollaborationEnded m, IDocumentSession session)
    {
        var pairing = await session.LoadAsync<Pairing>(Pairing.IdFor(m.ClientAccountId, m.PartnerAccountId));
        if (pairing is null || !pairing.Collaborating || pairing.AgreedRequestId != m.RequestId) return;
        session.Store(pairing with { Collaborating = false });
    }
}
