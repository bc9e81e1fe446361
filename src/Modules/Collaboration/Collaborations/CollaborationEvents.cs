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
    public const string AccessReview = Contract.UnassignReasons.AccessReview;
}

public sealed record Manager(string UserId, string Name);
