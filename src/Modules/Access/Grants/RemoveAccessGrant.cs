using Microsoft.AspNetCore.Http;

namespace Holded.Partners.Access.Grants;

/// <summary>The client removes the firm's access without ending the collaboration.</summary>
public static class RemoveAccessGrantEndpoint
{
    public static Task<GrantParties?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => GrantParties.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(GrantParties? parties, Caller caller)
    {
        if (parties is null) return Problems.NotFound("collaboration");
        var access = parties.RequireClientManager(caller);
        if (access.Status is not null) return access;
        return parties.Grant is { InForce: true }
            ? Problems.None
            : Problems.Conflict("no_grant_in_force", "There is no access in force to remove.");
    }

    [WolverineDelete("/api/v1/collaborations/{id}/access-grant")]
    public static async Task<(IResult, OutgoingMessages)> Delete(
        Guid id, [NotBody] GrantParties parties, Caller caller, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Grant>(Grant.IdFor(id), ct);
        var grant = stream.Aggregate;
        if (grant is not { InForce: true })
            throw new JasperFx.ConcurrencyException("The grant ended meanwhile.", typeof(Grant), Grant.IdFor(id));
        stream.AppendOne(new AccessRemoved(id, grant.ClientAccountId, grant.PartnerAccountId, grant.Role!, caller.UserId));
        return (Results.NoContent(),
            [new Contract.AccessGrantEnded(id, grant.ClientAccountId, grant.PartnerAccountId, grant.Role!, GrantStatus.Removed, clock.GetUtcNow())]);
    }
}
