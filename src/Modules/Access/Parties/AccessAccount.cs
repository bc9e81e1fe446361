namespace Holded.Partners.Access.Parties;

/// <summary>Access's own copy of an account: its plan (which caps every section) and its members.</summary>
public sealed class AccessAccount : AccountReplica;

[OneAtATime]
public static class AccessAccountHandler
{
    public static Task Handle(Onboarding.AccountOpened m, IDocumentSession s) => AccountReplication.Apply<AccessAccount>(s, m);
    public static Task Handle(Onboarding.SubscriptionChanged m, IDocumentSession s) => AccountReplication.Apply<AccessAccount>(s, m);
    public static Task Handle(Onboarding.MemberJoined m, IDocumentSession s) => AccountReplication.Apply<AccessAccount>(s, m);
    public static Task Handle(Onboarding.MemberRoleChanged m, IDocumentSession s) => AccountReplication.Apply<AccessAccount>(s, m);
    public static Task Handle(Onboarding.MemberRemoved m, IDocumentSession s) => AccountReplication.Apply<AccessAccount>(s, m);
}
