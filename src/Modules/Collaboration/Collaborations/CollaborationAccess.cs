using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.Collaborations;

/// <summary>A collaboration and its two accounts, as one value: who reaches it is read from both.</summary>
public sealed record Parties(CollaborationView View, CollaborationAccount? Client, CollaborationAccount? Partner)
{
    /// <summary>The client's members; the firm's administrators; the managers assigned to it.</summary>
    public bool Reach(Caller caller) =>
        Client?.IsMember(caller.UserId) == true
        || Partner?.IsManagedBy(caller.UserId) == true
        || (Partner?.IsMember(caller.UserId) == true && View.Managers.Any(m => m.UserId == caller.UserId));

    /// <summary>Who may end it: the client's owners and admins, or the firm's administrators.</summary>
    public string? DeciderSide(Caller caller) =>
        Client?.IsManagedBy(caller.UserId) == true ? Contracts.Sides.Client : Partner?.IsManagedBy(caller.UserId) == true ? Contracts.Sides.Partner : null;
}

/// <summary>
/// Who reaches a collaboration: the client's members; the firm's administrators; the managers assigned to it.
/// Anyone else — an unassigned account manager included — is told it does not exist.
/// </summary>
public static class CollaborationAccess
{
    public static async Task<Parties?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct)
    {
        var view = await session.LoadAsync<CollaborationView>(id, ct);
        if (view is null) return null;
        var accounts = await session.LoadManyAsync<CollaborationAccount>(ct, view.ClientAccountId, view.PartnerAccountId);
        return new Parties(view, accounts.FirstOrDefault(a => a.Id == view.ClientAccountId),
            accounts.FirstOrDefault(a => a.Id == view.PartnerAccountId));
    }

    public static ProblemDetails RequireReach(Parties? parties, Caller caller) =>
        parties?.Reach(caller) == true ? Problems.None : Problems.NotFound("collaboration");

    public static ProblemDetails RequireActive(CollaborationView view) => view.Status == CollaborationStatus.Active
        ? Problems.None
        : Problems.Conflict("collaboration_ended", "The collaboration has ended; a new request starts a new one.");
}
