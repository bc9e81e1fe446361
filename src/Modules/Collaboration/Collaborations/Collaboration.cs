using JasperFx.Events;

namespace Holded.Partners.Collaboration.Collaborations;

public sealed record CollaborationStarted(
    Guid CollaborationId, Guid RequestId, Guid ConversationId, Guid ClientAccountId, string ClientName,
    Guid PartnerAccountId, string PartnerName, string RequestedBy, string AcceptedBy);

public sealed record ManagerAssigned(Guid CollaborationId, string UserId, string Name, string AssignedBy);

public sealed record ManagerUnassigned(Guid CollaborationId, string UserId, string Reason, string By);

public sealed record CollaborationEnded(Guid CollaborationId, string EndedBy, string Side, string Reason);

public static class CollaborationStatus
{
    public const string Active = "active";
    public const string Ended = "ended";
    public static readonly IReadOnlyList<string> All = [Active, Ended];
}

/// <summary>The module's own events say why with the contract's words.</summary>
public static class UnassignReasons
{
    public const string Unassigned = Contract.UnassignReasons.Unassigned;
    public const string MemberRemoved = Contract.UnassignReasons.MemberRemoved;
    public const string CollaborationEnded = Contract.UnassignReasons.CollaborationEnded;
}

public sealed record Manager(string UserId, string Name);

/// <summary>A firm working for a client: active from the acceptance until either side ends it, which is final.</summary>
public sealed record Collaboration(
    Guid Id, Guid RequestId, Guid ClientAccountId, Guid PartnerAccountId, string Status, IReadOnlyList<Manager> Managers, DateTimeOffset Since)
{
    public long Version { get; set; }

    public bool IsActive => Status == CollaborationStatus.Active;
    public bool IsManager(string userId) => Managers.Any(m => m.UserId == userId);

    /// <summary>Collaborations are found from the request that agreed them: the same request always names the same one.</summary>
    public static Guid IdFor(Guid requestId) => StableIds.For("collaboration", requestId);

    public static Collaboration Create(IEvent<CollaborationStarted> e) =>
        new(e.Data.CollaborationId, e.Data.RequestId, e.Data.ClientAccountId, e.Data.PartnerAccountId, CollaborationStatus.Active, [], e.At());

    public Collaboration Apply(ManagerAssigned e) => this with { Managers = [.. Managers, new Manager(e.UserId, e.Name)] };
    public Collaboration Apply(ManagerUnassigned e) => this with { Managers = [.. Managers.Where(m => m.UserId != e.UserId)] };
    public Collaboration Apply(CollaborationEnded e) => this with { Status = CollaborationStatus.Ended };
}
