using Marten;
using Collaborations = Holded.Partners.Contracts.Collaboration;

namespace Holded.Partners.Kernel;

public sealed record ManagerMark(string UserId, bool Assigned, DateTimeOffset At);

/// <summary>
/// What a module knows of a collaboration, kept from the Collaboration module's messages in the module's own table: its
/// two accounts, whether it is active, and who manages it. Ended is final; each manager is last-writer-wins by the
/// message's instant, so duplicates and reordering are harmless. Each module derives its own sealed type.
/// </summary>
public abstract class CollaborationReplica
{
    public Guid Id { get; set; }
    public Guid ClientAccountId { get; set; }
    public Guid PartnerAccountId { get; set; }
    public bool Started { get; set; }
    public bool Ended { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public List<ManagerMark> Managers { get; set; } = [];

    public bool Active => Started && !Ended;
    public bool IsManager(string userId) => Managers.Any(m => m.UserId == userId && m.Assigned);
}

public static class CollaborationReplication
{
    public static async Task Apply<T>(IDocumentSession session, Collaborations.CollaborationStarted m) where T : CollaborationReplica, new()
    {
        var c = await Load<T>(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId);
        c.Started = true;
        session.Store(c);
    }

    public static async Task Apply<T>(IDocumentSession session, Collaborations.CollaborationEnded m) where T : CollaborationReplica, new()
    {
        var c = await Load<T>(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId);
        c.Started = true; // an end heard first still means it existed
        c.Ended = true;
        c.EndedAt ??= m.At;
        session.Store(c);
    }

    public static Task Apply<T>(IDocumentSession session, Collaborations.ManagerAssigned m) where T : CollaborationReplica, new() =>
        Mark<T>(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId, new ManagerMark(m.UserId, true, m.At));

    public static Task Apply<T>(IDocumentSession session, Collaborations.ManagerUnassigned m) where T : CollaborationReplica, new() =>
        Mark<T>(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId, new ManagerMark(m.UserId, false, m.At));

    private static async Task Mark<T>(IDocumentSession session, Guid id, Guid client, Guid partner, ManagerMark mark) where T : CollaborationReplica, new()
    {
        var c = await Load<T>(session, id, client, partner);
        if (c.Managers.FirstOrDefault(x => x.UserId == mark.UserId) is { } known && known.At > mark.At) return;
        c.Managers = [.. c.Managers.Where(x => x.UserId != mark.UserId), mark];
        session.Store(c);
    }

    private static async Task<T> Load<T>(IDocumentSession session, Guid id, Guid client, Guid partner) where T : CollaborationReplica, new() =>
        await session.LoadAsync<T>(id) ?? new T { Id = id, ClientAccountId = client, PartnerAccountId = partner };
}
