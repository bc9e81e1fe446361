using Holded.Partners.Marketplace.Accounts;
using JasperFx.Events;
using Microsoft.AspNetCore.Http;

namespace Holded.Partners.Marketplace.Invites;

/// <summary>
/// A firm's administrator revokes a link: it and its code stop working at once; the uses it had stay. Revoking is
/// decided on the link's stream, locked: a use and a revoke at once take turns, so a use either lands before the
/// revoke or finds the link revoked; two revokes at once: the second finds it revoked (409).
/// </summary>
public static class RevokeInviteLinkEndpoint
{
    public static async Task<(MarketplaceAccount?, IEventStream<InviteLink>?)> LoadAsync(
        Guid accountId, Guid linkId, IDocumentSession session, CancellationToken ct)
    {
        var firm = await session.LoadAsync<MarketplaceAccount>(accountId, ct);
        return (firm, firm is null ? null : await session.Events.FetchForExclusiveWriting<InviteLink>(linkId, ct));
    }

    public static ProblemDetails Validate(Guid accountId, MarketplaceAccount? firm, IEventStream<InviteLink>? stream, Caller caller)
    {
        if (InviteLinkAccess.RequireFirmAdministrator(firm, caller) is { Status: not null } refused) return refused;
        if (stream?.Aggregate is not { } link || link.PartnerAccountId != accountId) return Problems.NotFound("invite link");
        return link.Revoked
            ? Problems.Conflict("invite_link_already_revoked", "This invite link is already revoked.")
            : Problems.None;
    }

    [WolverineDelete("/api/v1/partners/{accountId}/invite-links/{linkId}")]
    public static IResult Delete(Guid accountId, [NotBody] IEventStream<InviteLink> stream, Caller caller)
    {
        stream.AppendOne(new InviteLinkRevoked(stream.Id, accountId, caller.UserId));
        return Results.NoContent();
    }
}
