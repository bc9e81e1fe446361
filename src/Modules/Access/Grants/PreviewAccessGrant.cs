using Holded.Partners.Access.Catalog;

namespace Holded.Partners.Access.Grants;

/// <summary>What a role would let the firm do in this client's account, section by section, with the client's plan as it is now.</summary>
public sealed record GrantPreview(Guid CollaborationId, string Role, string? Plan, IReadOnlyList<SectionPreview> Sections);

/// <summary>
/// Step 6, before saving: the client sees per section what the firm will be able to do with a role (the role capped by
/// the client's plan, and why a section is out), decided by the catalog's own code, the same the grant uses.
/// </summary>
public static class PreviewAccessGrantEndpoint
{
    public static Task<GrantParties?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => GrantParties.LoadAsync(id, session, ct);

    /// <summary>Whoever reaches the collaboration reads it (as the grant itself); the role must be one of the catalog's.</summary>
    public static ProblemDetails Validate(GrantParties? parties, string? role, Caller caller) =>
        parties?.Reach(caller) != true ? Problems.NotFound("collaboration")
        : new Check().OneOf("role", role, AccessCatalog.RoleNames).Result();

    [WolverineGet("/api/v1/collaborations/{id}/access-grant/preview")]
    public static GrantPreview Get(Guid id, string? role, [NotBody] GrantParties parties) =>
        new(id, role!, parties.Client?.Plan, AccessPreviews.Of(role!, parties.Client?.Plan));
}
