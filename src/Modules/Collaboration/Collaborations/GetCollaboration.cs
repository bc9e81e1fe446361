using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.Collaborations;

public static class GetCollaborationEndpoint
{
    public static Task<(CollaborationView?, CollaborationAccount?, CollaborationAccount?)> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        CollaborationAccess.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(CollaborationView? view, CollaborationAccount? client, CollaborationAccount? partner, ClaimsPrincipal user) =>
        CollaborationAccess.RequireReach(view, client, partner, Caller.From(user));

    [WolverineGet("/api/v1/collaborations/{id}")]
    public static CollaborationView Get([NotBody] CollaborationView view) => view;
}
