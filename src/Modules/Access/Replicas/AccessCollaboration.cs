namespace Holded.Partners.Access.Replicas;

/// <summary>Access's own copy of a collaboration: active or not, and who manages it.</summary>
public sealed class AccessCollaboration : CollaborationReplica;

/// <summary>Kept in the transaction of each collaboration change it copies: an end or an unassignment is in force when it commits.</summary>
[InSendersTransaction]
public static class AccessCollaborationReplication
{
    public static Task Handle(Collaborations.CollaborationStarted m, IDocumentSession s) => CollaborationReplication.Apply<AccessCollaboration>(s, m);
    public static Task Handle(Collaborations.CollaborationEnded m, IDocumentSession s) => CollaborationReplication.Apply<AccessCollaboration>(s, m);
    public static Task Handle(Collaborations.ManagerAssigned m, IDocumentSession s) => CollaborationReplication.Apply<AccessCollaboration>(s, m);
    public static Task Handle(Collaborations.ManagerUnassigned m, IDocumentSession s) => CollaborationReplication.Apply<AccessCollaboration>(s, m);
}
