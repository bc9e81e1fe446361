namespace Holded.Partners.Kernel;

/// <summary>
/// Who reaches a collaboration, written once for every module, from that module's own copies of the two accounts:
/// the client's members; the firm's administrators; and the firm's members assigned to manage it. Anyone else, an
/// unassigned account manager included, is told it does not exist.
/// </summary>
public static class CollaborationReach
{
    public static bool Reaches(string userId, AccountReplica? client, AccountReplica? firm, bool assignedManager) =>
        client?.IsMember(userId) == true
        || firm?.IsManagedBy(userId) == true
        || (assignedManager && firm?.IsMember(userId) == true);

    public static bool Reaches(this CollaborationReplica collaboration, string userId, AccountReplica? client, AccountReplica? firm) =>
        Reaches(userId, client, firm, collaboration.IsManager(userId));

    /// <summary>Who decides for a side (ends it, grants access): the client's owners and admins, or the firm's administrators.</summary>
    public static string? DeciderSide(string userId, AccountReplica? client, AccountReplica? firm) =>
        client?.IsManagedBy(userId) == true ? Contracts.Sides.Client : firm?.IsManagedBy(userId) == true ? Contracts.Sides.Partner : null;
}
