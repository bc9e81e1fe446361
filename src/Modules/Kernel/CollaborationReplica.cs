using Marten;
using Collaborations = Holded.Partners.Contracts.Collaboration;

namespace Holded.Partners.Kernel;

/// <summary>Whether a member manages the collaboration, as of the collaboration stream's <paramref name="Version"/>.</summary>
public sealed record ManagerMark(string UserId, bool Assigned, long Version);

/// <summary>
/// What a module knows of a collaboration, kept from the Collaboration module's messages in the module's own table: its
/// two accounts, whether it is active, and who manages it. Ended is final; each manager keeps the newest version of the
/// collaboration stream heard of them, so duplicates and reordering are harmless. Each module derives its own sealed type.
/// </summary>
public abstract class CollaborationReplica
{
    public Guid Id { get; set; }
    public Guid ClientAccountId { get; set; }
    public Guid PartnerAccountId { get; set; }
    /// <summary>The conversation whose request it came from (known once the start is heard).</summary>
    public Guid ConversationId { get; set; }
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
        if (c.Started && c.ConversationId == m.ConversationId) return; // heard already
        c.Started = true;
        c.ConversationId = m.ConversationId;
        session.Store(c);
    }

    public static async Task Apply<T>(IDocumentSession session, Collaborations.CollaborationEnded m) where T : CollaborationReplica, new()
    {
        var c = await Load<T>(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId);
        if (c.Ended) return; // final, and heard already
        c.Started = true; // an end heard first still means it existed
        c.Ended = true;
        c.EndedAt ??= m.At;
        session.Store(c);
    }

    public static Task Apply<T>(IDocumentSession session, Collaborations.ManagerAssigned m) where T : CollaborationReplica, new() =>
        Mark<T>(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId, new ManagerMark(m.UserId, true, m.Version));

    public static Task Apply<T>(IDocumentSession session, Collaborations.ManagerUnassigned m) where T : CollaborationReplica, new() =>
        Mark<T>(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId, new ManagerMark(m.UserId, false, m.Version));

    private static async Task Mark<T>(IDocumentSession session, Guid id, Guid client, Guid partner, ManagerMark mark) where T : CollaborationReplica, new()
    {
        var c = await Load<T>(session, id, client, partner);
        if (c.Managers.FirstOrDefault(x => x.UserId == mark.UserId) is { } known && (known.Version > mark.Version || known == mark)) return;
        c.Managers = [.. c.Managers.Where(x => x.UserId != mark.UserId), mark];
        session.Store(c);
    }

    private static async Task<T> Load<T>(IDocumentSession session, Guid id, Guid client, Guid partner) where T : CollaborationReplica, new() =>
        session.PendingChanges.UpdatesFor<T>().Concat(session.PendingChanges.InsertsFor<T>()).LastOrDefault(c => c.Id == id) // see LoadForChangeAsync
        ?? await session.LoadAsync<T>(id) ?? new T { Id = id, ClientAccountId = client, PartnerAccountId = partner };
}
