namespace Holded.Partners.Collaboration.Accounts;

/// <summary>The Collaboration module's own copy of an account: who are its members, and with which roles.</summary>
public sealed class CollaborationAccount : AccountReplica;

[OneAtATime]
public static class CollaborationAccountHandler
{
    public static Task Handle(Onboarding.AccountOpened m, IDocumentSession s) => AccountReplication.Apply<CollaborationAccount>(s, m);
    public static Task Handle(Onboarding.SubscriptionChanged m, IDocumentSession s) => AccountReplication.Apply<CollaborationAccount>(s, m);
    public static Task Handle(Onboarding.MemberJoined m, IDocumentSession s) => AccountReplication.Apply<CollaborationAccount>(s, m);
    public static Task Handle(Onboarding.MemberRoleChanged m, IDocumentSession s) => AccountReplication.Apply<CollaborationAccount>(s, m);
    // MemberRemoved is handled with the unassignment, in one transaction: see UnassignRemovedMemberHandler.
}
