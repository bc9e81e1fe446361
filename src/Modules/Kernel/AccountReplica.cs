using Marten;
using Onboarding = Holded.Partners.Contracts.Onboarding;

namespace Holded.Partners.Kernel;

/// <summary>
/// One person's place in an account as of the account stream's <paramref name="Version"/>. Removed members stay as
/// tombstones so a late, older message changes nothing.
/// </summary>
public sealed record ReplicaMember(string UserId, string Email, string Name, string Role, bool Removed, long Version);

/// <summary>
/// What a module knows of an account, kept from Onboarding's messages in the module's own table: its kind, name, plan,
/// subscription and members. Each module derives its own sealed type from this, so none reads another's tables.
/// Each fact (the subscription, each member) keeps the newest version of the account stream heard of it: a duplicate or
/// a message heard out of order changes nothing, whatever the clocks of the nodes that sent them.
/// </summary>
public abstract class AccountReplica
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Plan { get; set; }
    public string SubscriptionStatus { get; set; } = "";
    public long SubscriptionVersion { get; set; }
    public string Province { get; set; } = "";
    public List<ReplicaMember> Members { get; set; } = [];

    public ReplicaMember? Member(string userId) => Members.FirstOrDefault(m => m.UserId == userId && !m.Removed);
    public bool IsMember(string userId) => Member(userId) is not null;
    public bool IsManagedBy(string userId) => Member(userId) is { } m && Roles.Manages(Kind, m.Role);
    public IEnumerable<ReplicaMember> Current => Members.Where(m => !m.Removed);
}

public static class AccountReplication
{
    /// <summary>
    /// The copy this transaction has already changed, when it has (several messages of one command build on each other:
    /// storing the same instance again replaces the earlier write), or else the stored one.
    /// </summary>
    public static async Task<T?> LoadForChangeAsync<T>(this IDocumentSession session, Guid id) where T : AccountReplica =>
        session.PendingChanges.UpdatesFor<T>().Concat(session.PendingChanges.InsertsFor<T>()).LastOrDefault(a => a.Id == id)
        ?? await session.LoadAsync<T>(id);

    public static async Task Apply<T>(IDocumentSession session, Onboarding.AccountOpened m) where T : AccountReplica, new()
    {
        var account = await session.LoadForChangeAsync<T>(m.AccountId) ?? new T { Id = m.AccountId };
        if (account.Kind == m.Kind && account.Name == m.LegalName && account.SubscriptionVersion >= m.Version) return; // heard already
        account.Kind = m.Kind;
        account.Name = m.LegalName;
        account.Province = m.Province;
        if (account.SubscriptionVersion <= m.Version)
        {
            account.SubscriptionStatus = m.SubscriptionStatus;
            account.Plan = m.Plan;
            account.SubscriptionVersion = m.Version;
        }
        session.Store(account);
    }

    public static async Task Apply<T>(IDocumentSession session, Onboarding.SubscriptionChanged m) where T : AccountReplica, new()
    {
        var account = await session.LoadForChangeAsync<T>(m.AccountId) ?? new T { Id = m.AccountId, Kind = m.Kind };
        if (account.SubscriptionVersion >= m.Version) return; // heard already, or older than what we know
        account.SubscriptionStatus = m.Status;
        account.Plan = m.Plan;
        account.SubscriptionVersion = m.Version;
        session.Store(account);
    }

    public static async Task Apply<T>(IDocumentSession session, Onboarding.MemberJoined m) where T : AccountReplica, new()
    {
        var account = await session.LoadForChangeAsync<T>(m.AccountId) ?? new T { Id = m.AccountId };
        account.Kind = m.AccountKind;
        var current = account.Members.FirstOrDefault(x => x.UserId == m.UserId);
        // An older join than what we know only fills in who the person is.
        var next = current is not null && current.Version > m.Version
            ? current with { Email = current.Email.Length > 0 ? current.Email : m.Email, Name = current.Name.Length > 0 ? current.Name : m.Name }
            : new ReplicaMember(m.UserId, m.Email, m.Name, m.Role, false, m.Version);
        if (next == current && account.Kind == m.AccountKind) return; // heard already
        account.Members = [.. account.Members.Where(x => x.UserId != m.UserId), next];
        session.Store(account);
    }

    // A role change means the person is a member then (a removed member's role cannot change), even if it is heard
    // before the join; the older join then only fills in email and name.
    public static Task Apply<T>(IDocumentSession session, Onboarding.MemberRoleChanged m) where T : AccountReplica, new() =>
        Upsert<T>(session, m.AccountId, m.UserId, m.Version,
            current => (current ?? new ReplicaMember(m.UserId, "", "", m.ToRole, false, m.Version)) with { Role = m.ToRole, Removed = false, Version = m.Version });

    public static Task Apply<T>(IDocumentSession session, Onboarding.MemberRemoved m) where T : AccountReplica, new() =>
        Upsert<T>(session, m.AccountId, m.UserId, m.Version,
            current => (current ?? new ReplicaMember(m.UserId, m.Email, m.Email, "", true, m.Version)) with { Removed = true, Version = m.Version });

    private static async Task Upsert<T>(IDocumentSession session, Guid accountId, string userId, long version,
        Func<ReplicaMember?, ReplicaMember> next) where T : AccountReplica, new()
    {
        var account = await session.LoadForChangeAsync<T>(accountId) ?? new T { Id = accountId };
        var current = account.Members.FirstOrDefault(x => x.UserId == userId);
        if (current is not null && current.Version > version) return; // older than what we know
        var changed = next(current);
        if (changed == current) return; // heard already
        account.Members = [.. account.Members.Where(x => x.UserId != userId), changed];
        session.Store(account);
    }
}
