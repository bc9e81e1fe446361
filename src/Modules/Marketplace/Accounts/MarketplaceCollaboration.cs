namespace Holded.Partners.Marketplace.Accounts;

/// <summary>
/// The marketplace's own copy of a collaboration: which conversation it came from, and who manages it. Once a
/// conversation has a collaboration, the firm's side of it is the collaboration's side: its administrators and managers.
/// </summary>
public sealed class MarketplaceCollaboration : CollaborationReplica;

[InSendersTransaction]
public static class MarketplaceCollaborationReplication
{
    public static Task Handle(Collaborations.CollaborationStarted m, IDocumentSession s) => CollaborationReplication.Apply<MarketplaceCollaboration>(s, m);
    public static Task Handle(Collaborations.CollaborationEnded m, IDocumentSession s) => CollaborationReplication.Apply<MarketplaceCollaboration>(s, m);
    public static Task Handle(Collaborations.ManagerAssigned m, IDocumentSession s) => CollaborationReplication.Apply<MarketplaceCollaboration>(s, m);
    public static Task Handle(Collaborations.ManagerUnassigned m, IDocumentSession s) => CollaborationReplication.Apply<MarketplaceCollaboration>(s, m);
}
