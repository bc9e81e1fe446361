using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.Collaborations;

/// <summary>A collaboration and its two accounts, as one value: who reaches it is read from both (<see cref="CollaborationReach"/>).</summary>
public sealed record CollaborationParties(CollaborationView View, CollaborationAccount? Client, CollaborationAccount? Partner)
{
    /// <summary>The client's members; the firm's administrators; the managers assigned to it.</summary>
    public bool Reach(Caller caller) => CollaborationReach.Reaches(caller.UserId, Client, Partner, View.IsManager(caller.UserId));

    /// <summary>Who may end it: the client's owners and admins, or the firm's administrators.</summary>
    public string? DeciderSide(Caller caller) => CollaborationReach.DeciderSide(caller.UserId, Client, Partner);
}

/// <summary>
/// Who reaches a collaboration: the client's members; the firm's administrators; the managers assigned to it.
/// Anyone else — an unassigned account manager included — is told it does not exist.
/// </summary>
public static class CollaborationAccess
{
    /// <summary>For a read: the collaboration as last committed, and its two accounts.</summary>
    public static async Task<CollaborationParties?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<CollaborationView>(id, ct) is { } view ? await PartiesOf(view, session, ct) : null;

    /// <summary>
    /// For a write: the accounts of the collaboration loaded for writing (that very instance). Given the session that
    /// writes, an account stored back in it conflicts with a change committed meanwhile (optimistic concurrency).
    /// </summary>
    public static async Task<CollaborationParties> PartiesOf(CollaborationView view, IQuerySession session, CancellationToken ct)
    {
        var accounts = await session.LoadManyAsync<CollaborationAccount>(ct, view.ClientAccountId, view.PartnerAccountId);
        return new CollaborationParties(view, accounts.FirstOrDefault(a => a.Id == view.ClientAccountId),
            accounts.FirstOrDefault(a => a.Id == view.PartnerAccountId));
    }

    public static ProblemDetails RequireReach(CollaborationParties? parties, Caller caller) =>
        parties?.Reach(caller) == true ? Problems.None : Problems.NotFound("collaboration");

    public static ProblemDetails RequireActive(CollaborationView view) => view.IsActive
        ? Problems.None
        : Problems.Conflict("collaboration_ended", "The collaboration has ended; a new request starts a new one.");
}
