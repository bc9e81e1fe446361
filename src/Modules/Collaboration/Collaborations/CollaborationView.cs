using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Holded.Partners.Collaboration.Collaborations;

public sealed record EndNote(string EndedBy, string Side, string Reason, DateTimeOffset At);

/// <summary>A collaboration as both sides read it: the row of the firm's clients table and of the client's list.</summary>
public sealed record CollaborationView(
    Guid Id, Guid ClientAccountId, string ClientName, Guid PartnerAccountId, string PartnerName, Guid ConversationId,
    string Status, DateTimeOffset Since, IReadOnlyList<Manager> Managers, EndNote? Ended);

public sealed class CollaborationViewProjection : SingleStreamProjection<CollaborationView, Guid>
{
    public CollaborationView Create(IEvent<CollaborationStarted> e) => new(
        e.Data.CollaborationId, e.Data.ClientAccountId, e.Data.ClientName, e.Data.PartnerAccountId, e.Data.PartnerName,
        e.Data.ConversationId, CollaborationStatus.Active, e.At(), [], null);

    public CollaborationView Apply(ManagerAssigned e, CollaborationView view) =>
        view with { Managers = [.. view.Managers, new Manager(e.UserId, e.Name)] };

    public CollaborationView Apply(ManagerUnassigned e, CollaborationView view) =>
        view with { Managers = [.. view.Managers.Where(m => m.UserId != e.UserId)] };

    public CollaborationView Apply(IEvent<CollaborationEnded> e, CollaborationView view) => view with
    {
        Status = CollaborationStatus.Ended, Ended = new EndNote(e.Data.EndedBy, e.Data.Side, e.Data.Reason, e.At()),
    };
}
