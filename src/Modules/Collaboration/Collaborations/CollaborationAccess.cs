using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.Collaborations;

/// <summary>
/// Who reaches a collaboration: the client's members; the firm's administrators; the managers assigned to it.
/// Anyone else — an unassigned account manager included — is told it does not exist.
/// </summary>
public static class CollaborationAccess
{
    public static async Task<(CollaborationView?, CollaborationAccount?, CollaborationAccount?)> LoadAsync(
        Guid id, IQuerySession session, CancellationToken ct)
    {
        var view = await session.LoadAsync<CollaborationView>(id, ct);
        if (view is null) return (null, null, null);
        var accounts = await session.LoadManyAsync<CollaborationAccount>(ct, view.ClientAccountId, view.PartnerAccountId);
        return (view, accounts.FirstOrDefault(a => a.Id == view.ClientAccountId), accounts.FirstOrDefault(a => a.Id == view.PartnerAccountId));
    }

    public static bool Reaches(CollaborationView view, CollaborationAccount? client, CollaborationAccount? partner, Caller caller) =>
        client?.IsMember(caller.UserId) == true
        || partner?.IsManagedBy(caller.UserId) == true
        || (partner?.IsMember(caller.UserId) == true && view.Managers.Any(m => m.UserId == caller.UserId));

    public static ProblemDetails RequireReach(CollaborationView? view, CollaborationAccount? client, CollaborationAccount? partner, Caller caller) =>
        view is not null && Reaches(view, client, partner, caller) ? Problems.None : Problems.NotFound("collaboration");

    public static ProblemDetails RequireActive(CollaborationView view) => view.Status == CollaborationStatus.Active
        ? Problems.None
        : Problems.Conflict("collaboration_ended", "The collaboration has ended; a new request starts a new one.");
}
