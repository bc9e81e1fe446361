using JasperFx.Events;

namespace Holded.Partners.Collaboration.Collaborations;

public sealed record EndNote(string EndedBy, string Side, string Reason, DateTimeOffset At);

/// <summary>
/// A firm working for a client: active from the acceptance until either side ends it, which is final. The one fold of
/// the collaboration stream, kept inline: what a write loads (FetchForWriting, its <see cref="Version"/> the guard),
/// what both sides read (the row of the firm's clients table and of the client's list), and what a write answers.
/// Its times are the events' (<see cref="EventTime.At"/>), so a rebuild gives the same document.
/// </summary>
public sealed record CollaborationView(
    Guid Id, Guid RequestId, Guid ClientAccountId, string ClientName, Guid PartnerAccountId, string PartnerName, Guid ConversationId,
    string Status, DateTimeOffset Since, IReadOnlyList<Manager> Managers, EndNote? Ended)
{
    public long Version { get; set; }

    public bool IsActive => Status == CollaborationStatus.Active;
    public bool IsManager(string userId) => Managers.Any(m => m.UserId == userId);

    /// <summary>Collaborations are found from the request that agreed them: the same request always names the same one.</summary>
    public static Guid IdFor(Guid requestId) => StableIds.For("collaboration", requestId);

    public static CollaborationView Create(IEvent<CollaborationStarted> e) => new(
        e.Data.CollaborationId, e.Data.RequestId, e.Data.ClientAccountId, e.Data.ClientName, e.Data.PartnerAccountId, e.Data.PartnerName,
        e.Data.ConversationId, CollaborationStatus.Active, e.At(), [], null);

    public CollaborationView Apply(ManagerAssigned e) => this with { Managers = [.. Managers, new Manager(e.UserId, e.Name)] };

    public CollaborationView Apply(ManagerUnassigned e) => this with { Managers = [.. Managers.Where(m => m.UserId != e.UserId)] };

    public CollaborationView Apply(IEvent<CollaborationEnded> e) => this with
    {
        Status = CollaborationStatus.Ended, Ended = new EndNote(e.Data.EndedBy, e.Data.Side, e.Data.Reason, e.At()),
    };
}
