namespace Holded.Partners.Access.Parties;

public sealed record ManagerMark(string UserId, bool Assigned, DateTimeOffset At);

/// <summary>
/// Access's own copy of a collaboration: its two accounts, whether it is active, and who manages it. Ended is final;
/// each manager is last-writer-wins by the message's instant, so duplicates and reordering are harmless.
/// </summary>
public sealed class AccessCollaboration
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

public static class AccessCollaborationHandler
{
    public static async Task Handle(Collaborations.CollaborationStarted m, IDocumentSession session)
    {
        var c = await Load(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId);
        c.Started = true;
        session.Store(c);
    }

    public static async Task Handle(Collaborations.CollaborationEnded m, IDocumentSession session)
    {
        var c = await Load(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId);
        c.Started = true; // an end heard first still means it existed
        c.Ended = true;
        c.EndedAt ??= m.At;
        session.Store(c);
    }

    public static Task Handle(Collaborations.ManagerAssigned m, IDocumentSession session) =>
        Mark(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId, new ManagerMark(m.UserId, true, m.At));

    public static Task Handle(Collaborations.ManagerUnassigned m, IDocumentSession session) =>
        Mark(session, m.CollaborationId, m.ClientAccountId, m.PartnerAccountId, new ManagerMark(m.UserId, false, m.At));

    private static async Task Mark(IDocumentSession session, Guid id, Guid client, Guid partner, ManagerMark mark)
    {
        var c = await Load(session, id, client, partner);
        if (c.Managers.FirstOrDefault(x => x.UserId == mark.UserId) is { } known && known.At > mark.At) return;
        c.Managers = [.. c.Managers.Where(x => x.UserId != mark.UserId), mark];
        session.Store(c);
    }

    private static async Task<AccessCollaboration> Load(IDocumentSession session, Guid id, Guid client, Guid partner) =>
        await session.LoadAsync<AccessCollaboration>(id)
        ?? new AccessCollaboration { Id = id, ClientAccountId = client, PartnerAccountId = partner };
}
