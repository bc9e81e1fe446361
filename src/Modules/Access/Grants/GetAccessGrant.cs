namespace Holded.Partners.Access.Grants;

/// <summary>The grant of a collaboration, with its effective permissions; "none" when nothing was ever granted.</summary>
public static class GetAccessGrantEndpoint
{
    public static Task<GrantParties?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => GrantParties.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(GrantParties? parties, Caller caller) =>
        parties?.Reach(caller) == true ? Problems.None : Problems.NotFound("collaboration");

    [WolverineGet("/api/v1/collaborations/{id}/access-grant")]
    public static GrantView Get([NotBody] GrantParties parties, TimeProvider clock) => parties.View(clock.GetUtcNow());
}
