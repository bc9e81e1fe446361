namespace Holded.Partners.Access.Replicas;

/// <summary>Access's own copy of an account: its plan (which caps every section) and its members.</summary>
public sealed class AccessAccount : AccountReplica;

/// <summary>Kept in the transaction of each account change it copies: a removal, a demotion or a downgrade is in force when it commits.</summary>
[InSendersTransaction]
public static class AccessAccountReplication
{
    public static Task Handle(Onboarding.AccountOpened m, IDocumentSession s) => AccountReplication.Apply<AccessAccount>(s, m);
    public static Task Handle(Onboarding.SubscriptionChanged m, IDocumentSession s) => AccountReplication.Apply<AccessAccount>(s, m);
    public static Task Handle(Onboarding.MemberJoined m, IDocumentSession s) => AccountReplication.Apply<AccessAccount>(s, m);
    public static Task Handle(Onboarding.MemberRoleChanged m, IDocumentSession s) => AccountReplication.Apply<AccessAccount>(s, m);
    public static Task Handle(Onboarding.MemberRemoved m, IDocumentSession s) => AccountReplication.Apply<AccessAccount>(s, m);
}
