using Holded.Partners.Access.Replicas;

namespace Holded.Partners.Access.Grants;

public sealed record ApproveFirmExtensions(Guid? PartnerAccountId);

/// <summary>One extension approved in a client's bulk answer: the collaboration and its new expiry.</summary>
public sealed record ExtensionApproved(Guid CollaborationId, Guid RequestId, DateTimeOffset ExpiresAt);

public sealed record ExtensionsApproved(IReadOnlyList<ExtensionApproved> Extended);

/// <summary>Who answers a client's extension requests across its collaborations: its owners and admins.</summary>
public static class ClientExtensions
{
    public static Task<AccessAccount?> LoadAsync(Guid clientId, IQuerySession session, CancellationToken ct) => session.LoadAsync<AccessAccount>(clientId, ct);

    public static ProblemDetails Authorize(AccessAccount? client, Caller caller)
    {
        if (client is not { Kind: AccountKinds.Business } || !client.IsMember(caller.UserId)) return Problems.NotFound("client");
        return client.IsManagedBy(caller.UserId) ? Problems.None : Problems.Forbidden("Only the client's owners and admins answer extension requests.");
    }

    /// <summary>The grants of a client with a request waiting (and still in force now), one firm's or every firm's.</summary>
    public static async Task<IReadOnlyList<Grant>> PendingAsync(IQuerySession session, Guid clientId, Guid? partnerId, DateTimeOffset now, CancellationToken ct)
    {
        var query = session.Query<Grant>().Where(g => g.ClientAccountId == clientId && g.Status == GrantStatus.Active && g.PendingExtension != null);
        if (partnerId is { } firm) query = query.Where(g => g.PartnerAccountId == firm);
        var grants = await query.ToListAsync(ct);
        return [.. grants.Where(g => g.ExpiresAt > now).OrderBy(g => g.ExpiresAt)];
    }
}

/// <summary>
/// The client approves every extension a firm asked for, in one go (GDAP caps this at 25; nothing here does): each
/// approval is its own event on its own grant, as if approved one by one, all in one transaction.
/// </summary>
public static class ApproveFirmExtensionsEndpoint
{
    public static Task<AccessAccount?> LoadAsync(Guid clientId, IQuerySession session, CancellationToken ct) => ClientExtensions.LoadAsync(clientId, session, ct);

    public static ProblemDetails Validate(ApproveFirmExtensions command, AccessAccount? client, Caller caller)
    {
        var access = ClientExtensions.Authorize(client, caller);
        return access.Status is not null ? access
            : new Check().That(command.PartnerAccountId is { } p && p != Guid.Empty, "partnerAccountId", "The firm whose requests are approved is required.").Result();
    }

    /// <summary>Another answer to one of these requests at once fails this commit (409): approve again to see what still waits.</summary>
    [WolverinePost("/api/v1/clients/{clientId}/extension-requests/approve")]
    public static async Task<(ExtensionsApproved, OutgoingMessages)> Post(
        Guid clientId, ApproveFirmExtensions command, IDocumentSession session, Caller caller, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var messages = new OutgoingMessages();
        var extended = new List<ExtensionApproved>();
        foreach (var pending in await ClientExtensions.PendingAsync(session, clientId, command.PartnerAccountId, now, ct))
        {
            var stream = await session.Events.FetchForWriting<Grant>(pending.Id, ct);
            if (stream.Aggregate is not { InForce: true, PendingExtension: not null } grant || grant.ExpiresAt <= now) continue;
            var approved = GrantExtensions.Approve(grant, caller.UserId);
            stream.AppendOne(approved);
            messages.AddRange(GrantExtensions.Outcome(approved, now));
            extended.Add(new ExtensionApproved(approved.CollaborationId, approved.RequestId, approved.ToExpiresAt));
        }
        return (new ExtensionsApproved(extended), messages);
    }
}

/// <summary>A request waiting for the client, with the firm and the person that asked, as the client's list shows it.</summary>
public sealed record PendingExtensionView(
    Guid CollaborationId, Guid PartnerAccountId, string? PartnerName, string Role, DateTimeOffset ExpiresAt, ExtensionRequest Request, string? RequestedByName = null);

/// <summary>The extension requests waiting for a client, soonest expiry first (optionally one firm's).</summary>
public static class ListClientExtensionsEndpoint
{
    public static Task<AccessAccount?> LoadAsync(Guid clientId, IQuerySession session, CancellationToken ct) => ClientExtensions.LoadAsync(clientId, session, ct);

    public static ProblemDetails Validate(AccessAccount? client, Caller caller) => ClientExtensions.Authorize(client, caller);

    [WolverineGet("/api/v1/clients/{clientId}/extension-requests")]
    public static async Task<IReadOnlyList<PendingExtensionView>> Get(Guid clientId, Guid? partnerAccountId, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var grants = await ClientExtensions.PendingAsync(session, clientId, partnerAccountId, clock.GetUtcNow(), ct);
        var firms = (await session.LoadManyAsync<AccessAccount>(ct, grants.Select(g => g.PartnerAccountId).Distinct())).ToDictionary(a => a.Id);
        return [.. grants.Select(g => new PendingExtensionView(g.CollaborationId, g.PartnerAccountId, firms.GetValueOrDefault(g.PartnerAccountId)?.Name, g.Role!, g.ExpiresAt!.Value, g.PendingExtension!,
            // The firm's member who asked, by name (a removed member is still named: the request stands until answered).
            firms.GetValueOrDefault(g.PartnerAccountId)?.Members.FirstOrDefault(m => m.UserId == g.PendingExtension!.By)?.Name))];
    }
}
