using Marten;
using Onboarding = Holded.Partners.Contracts.Onboarding;

namespace Holded.Partners.Kernel;

/// <summary>One person's place in an account, as last heard. Removed members stay as tombstones so a late, older message changes nothing.</summary>
public sealed record ReplicaMember(string UserId, string Email, string Name, string Role, bool Removed, DateTimeOffset At);

/// <summary>
/// What a module knows of an account, kept from Onboarding's messages in the module's own table: its kind, name, plan,
/// subscription and members. Each module derives its own sealed type from this, so none reads another's tables.
/// Every update is last-writer-wins by the message's instant: duplicates and reordering change nothing.
/// </summary>
public abstract class AccountReplica
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Plan { get; set; }
    public string SubscriptionStatus { get; set; } = "";
    public DateTimeOffset SubscriptionAt { get; set; }
    public string Province { get; set; } = "";
    public List<ReplicaMember> Members { get; set; } = [];

    public ReplicaMember? Member(string userId) => Members.FirstOrDefault(m => m.UserId == userId && !m.Removed);
    public bool IsMember(string userId) => Member(userId) is not null;
    public bool IsManagedBy(string userId) => Member(userId) is { } m && Roles.Manages(Kind, m.Role);
    public IEnumerable<ReplicaMember> Current => Members.Where(m => !m.Removed);
}

public static class AccountReplication
{
    public static async Task Apply<T>(IDocumentSession session, Onboarding.AccountOpened m) where T : AccountReplica, new()
    {
        var account = await session.LoadAsync<T>(m.AccountId) ?? new T { Id = m.AccountId };
        account.Kind = m.Kind;
        account.Name = m.LegalName;
        account.Province = m.Province;
        if (account.SubscriptionAt <= m.At)
        {
            account.SubscriptionStatus = m.SubscriptionStatus;
            account.Plan = m.Plan;
            account.SubscriptionAt = m.At;
        }
        session.Store(account);
    }

    public static async Task Apply<T>(IDocumentSession session, Onboarding.SubscriptionChanged m) where T : AccountReplica, new()
    {
        var account = await session.LoadAsync<T>(m.AccountId) ?? new T { Id = m.AccountId, Kind = m.Kind };
        if (account.SubscriptionAt > m.At) return;
        account.SubscriptionStatus = m.Status;
        account.Plan = m.Plan;
        account.SubscriptionAt = m.At;
        session.Store(account);
    }

    public static async Task Apply<T>(IDocumentSession session, Onboarding.MemberJoined m) where T : AccountReplica, new()
    {
        var account = await session.LoadAsync<T>(m.AccountId) ?? new T { Id = m.AccountId };
        account.Kind = m.AccountKind;
        var current = account.Members.FirstOrDefault(x => x.UserId == m.UserId);
        // An older join than what we know only fills in who the person is.
        var next = current is not null && current.At > m.At
            ? current with { Email = current.Email.Length > 0 ? current.Email : m.Email, Name = current.Name.Length > 0 ? current.Name : m.Name }
            : new ReplicaMember(m.UserId, m.Email, m.Name, m.Role, false, m.At);
        account.Members = [.. account.Members.Where(x => x.UserId != m.UserId), next];
        session.Store(account);
    }

    // A role change means the person is a member then (a removed member's role cannot change), even if it is heard
    // before the join; the older join then only fills in email and name.
    public static Task Apply<T>(IDocumentSession session, Onboarding.MemberRoleChanged m) where T : AccountReplica, new() =>
        Upsert<T>(session, m.AccountId, m.UserId, m.At,
            current => (current ?? new ReplicaMember(m.UserId, "", "", m.ToRole, false, m.At)) with { Role = m.ToRole, Removed = false, At = m.At });

    public static Task Apply<T>(IDocumentSession session, Onboarding.MemberRemoved m) where T : AccountReplica, new() =>
        Upsert<T>(session, m.AccountId, m.UserId, m.At,
            current => (current ?? new ReplicaMember(m.UserId, m.Email, m.Email, "", true, m.At)) with { Removed = true, At = m.At });

    private static async Task Upsert<T>(IDocumentSession session, Guid accountId, string userId, DateTimeOffset at,
        Func<ReplicaMember?, ReplicaMember> next) where T : AccountReplica, new()
    {
        var account = await session.LoadAsync<T>(accountId) ?? new T { Id = accountId };
        var current = account.Members.FirstOrDefault(x => x.UserId == userId);
        if (current is not null && current.At > at) return; // older than what we know
        account.Members = [.. account.Members.Where(x => x.UserId != userId), next(current)];
        session.Store(account);
    }
}
