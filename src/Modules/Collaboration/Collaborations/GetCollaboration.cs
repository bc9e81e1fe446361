using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.Collaborations;

public static class GetCollaborationEndpoint
{
    public static Task<Parties?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        CollaborationAccess.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(Parties? parties, Caller caller) =>
        CollaborationAccess.RequireReach(parties, caller);

    [WolverineGet("/api/v1/collaborations/{id}")]
    public static CollaborationView Get([NotBody] Parties parties) => parties.View;
}
