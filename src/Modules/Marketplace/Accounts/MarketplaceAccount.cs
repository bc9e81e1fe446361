namespace Holded.Partners.Marketplace.Accounts;

/// <summary>The marketplace's own copy of an account: who may talk for it, and whether its subscription is active.</summary>
public sealed class MarketplaceAccount : AccountReplica;

/// <summary>Keeps <see cref="MarketplaceAccount"/> in the transaction of each account change it copies.</summary>
[InSendersTransaction]
public static class MarketplaceAccountReplication
{
    public static Task Handle(Onboarding.AccountOpened m, IDocumentSession s) => AccountReplication.Apply<MarketplaceAccount>(s, m);
    public static Task Handle(Onboarding.SubscriptionChanged m, IDocumentSession s) => AccountReplication.Apply<MarketplaceAccount>(s, m);
    public static Task Handle(Onboarding.MemberJoined m, IDocumentSession s) => AccountReplication.Apply<MarketplaceAccount>(s, m);
    public static Task Handle(Onboarding.MemberRoleChanged m, IDocumentSession s) => AccountReplication.Apply<MarketplaceAccount>(s, m);
    public static Task Handle(Onboarding.MemberRemoved m, IDocumentSession s) => AccountReplication.Apply<MarketplaceAccount>(s, m);
}
