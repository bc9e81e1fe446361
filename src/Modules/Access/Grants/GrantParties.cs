using Holded.Partners.Access.Catalog;
using Holded.Partners.Access.Replicas;

namespace Holded.Partners.Access.Grants;

/// <summary>A collaboration, its two accounts and its grant, as one value (Wolverine binds loaded values by type).</summary>
public sealed record GrantParties(AccessCollaboration Collaboration, AccessAccount? Client, AccessAccount? Partner, Grant? Grant)
{
    /// <summary>The parties of a collaboration with its grant as read (the stored one, or the one a writer holds).</summary>
    public static async Task<GrantParties?> LoadAsync(Guid collaborationId, IQuerySession session, CancellationToken ct) =>
        await LoadAsync(collaborationId, await session.LoadAsync<Grant>(Grant.IdFor(collaborationId), ct), session, ct);

    public static async Task<GrantParties?> LoadAsync(Guid collaborationId, Grant? grant, IQuerySession session, CancellationToken ct)
    {
        var collaboration = await session.LoadAsync<AccessCollaboration>(collaborationId, ct);
        if (collaboration is null) return null;
        var accounts = await session.LoadManyAsync<AccessAccount>(ct, collaboration.ClientAccountId, collaboration.PartnerAccountId);
        return new GrantParties(collaboration, accounts.FirstOrDefault(a => a.Id == collaboration.ClientAccountId),
            accounts.FirstOrDefault(a => a.Id == collaboration.PartnerAccountId), grant);
    }

    /// <summary>Who reaches the collaboration: <see cref="CollaborationReach"/>.</summary>
    public bool Reach(Caller caller) => Collaboration.Reaches(caller.UserId, Client, Partner);

    /// <summary>The grant is the client's: its owners and admins give, change and remove it.</summary>
    public ProblemDetails RequireClientManager(Caller caller)
    {
        if (!Reach(caller)) return Problems.NotFound("collaboration");
        return CollaborationReach.DeciderSide(caller.UserId, Client, Partner) == Contracts.Sides.Client
            ? Problems.None
            : Problems.Forbidden("Only the client's owners and admins grant, change or remove the firm's access.");
    }

    /// <summary>Extensions are the firm's to ask for: its administrators ask, on the firm's behalf.</summary>
    public ProblemDetails RequireFirmManager(Caller caller)
    {
        if (!Reach(caller)) return Problems.NotFound("collaboration");
        return CollaborationReach.DeciderSide(caller.UserId, Client, Partner) == Contracts.Sides.Partner
            ? Problems.None
            : Problems.Forbidden("Only the firm's administrators ask for an extension of its access.");
    }

    public GrantView View(DateTimeOffset now)
    {
        var inForce = Grant is { InForce: true } g && (g.ExpiresAt is null || g.ExpiresAt > now);
        var effective = inForce
            ? AccessCatalog.Effective(Grant!.Role!, Client?.Plan)
            : Catalogs.Sections.ToDictionary(s => s, _ => Levels.None);
        // Past its expiry it no longer works, even before the scheduled expiry has been recorded.
        var status = Grant is null ? GrantStatus.None : Grant.InForce && !inForce ? GrantStatus.Expired : Grant.Status;
        return new GrantView(Collaboration.Id, Collaboration.ClientAccountId, Collaboration.PartnerAccountId, status, Grant?.Role, Grant?.ExpiresAt, Grant?.Since, Client?.Plan, effective,
            inForce ? Grant!.PendingExtension : null, Grant?.RenewEvery);
    }

    /// <summary>The grant as the GET answers it, read after a write commits: that write's answer.</summary>
    public static Committed<GrantView> Answer(Guid collaborationId, TimeProvider clock) =>
        Committed.Read(async (session, ct) => (await LoadAsync(collaborationId, session, ct))!.View(clock.GetUtcNow()));
}

/// <summary>The grant as both sides read it, with the effective level per section (the role capped by the plan).</summary>
public sealed record GrantView(
    Guid CollaborationId, Guid ClientAccountId, Guid PartnerAccountId, string Status, string? Role, DateTimeOffset? ExpiresAt,
    DateTimeOffset? Since, string? Plan, IReadOnlyDictionary<string, string> Effective, ExtensionRequest? PendingExtension = null, int? RenewEvery = null);
