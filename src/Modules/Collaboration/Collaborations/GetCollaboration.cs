using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.Collaborations;

public static class GetCollaborationEndpoint
{
    public static Task<CollaborationParties?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        CollaborationAccess.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(CollaborationParties? parties, Caller caller) =>
        CollaborationAccess.RequireReach(parties, caller);

    [WolverineGet("/api/v1/collaborations/{id}")]
    public static CollaborationView Get([NotBody] CollaborationParties parties) => parties.View;
}
