using JasperFx.Events;
using Microsoft.AspNetCore.Http;

namespace Holded.Partners.Access.Grants;

/// <summary>The client removes the firm's access without ending the collaboration.</summary>
public static class RemoveAccessGrantEndpoint
{
    /// <summary>The grant's stream, loaded once for writing, and the parties holding that very grant (see <see cref="SetAccessGrantEndpoint"/>).</summary>
    public static Task<(IEventStream<Grant>, GrantParties?)> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        SetAccessGrantEndpoint.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(GrantParties? parties, Caller caller)
    {
        if (parties is null) return Problems.NotFound("collaboration");
        var access = parties.RequireClientManager(caller);
        if (access.Status is not null) return access;
        return parties.Grant is { InForce: true }
            ? Problems.None
            : Problems.Conflict("no_grant_in_force", "There is no access in force to remove.");
    }

    /// <summary>A removal and another change at once: both passed Validate on one version, and the second commit is refused (409).</summary>
    [WolverineDelete("/api/v1/collaborations/{id}/access-grant")]
    public static (IResult, OutgoingMessages) Delete(
        Guid id, IEventStream<Grant> stream, [NotBody] GrantParties parties, Caller caller, TimeProvider clock)
    {
        var grant = parties.Grant!;
        stream.AppendOne(new AccessRemoved(id, grant.ClientAccountId, grant.PartnerAccountId, grant.Role!, caller.UserId));
        return (Results.NoContent(),
            [new Contract.AccessGrantEnded(id, grant.ClientAccountId, grant.PartnerAccountId, grant.Role!, GrantStatus.Removed, clock.GetUtcNow())]);
    }
}
