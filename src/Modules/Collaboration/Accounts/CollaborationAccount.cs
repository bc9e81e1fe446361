namespace Holded.Partners.Collaboration.Accounts;

/// <summary>The Collaboration module's own copy of an account: who are its members, and with which roles.</summary>
public sealed class CollaborationAccount : AccountReplica;

/// <summary>Kept in the transaction of each account change it copies: a removed or demoted member reaches nothing more once it commits.</summary>
[InSendersTransaction]
public static class CollaborationAccountReplication
{
    public static Task Handle(Onboarding.AccountOpened m, IDocumentSession s) => AccountReplication.Apply<CollaborationAccount>(s, m);
    public static Task Handle(Onboarding.SubscriptionChanged m, IDocumentSession s) => AccountReplication.Apply<CollaborationAccount>(s, m);
    public static Task Handle(Onboarding.MemberJoined m, IDocumentSession s) => AccountReplication.Apply<CollaborationAccount>(s, m);
    public static Task Handle(Onboarding.MemberRoleChanged m, IDocumentSession s) => AccountReplication.Apply<CollaborationAccount>(s, m);
    // MemberRemoved is applied with the unassignments it causes: see UnassignRemovedMember.
}
