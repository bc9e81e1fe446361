namespace Holded.Partners.Access.Catalog;

/// <summary>The catalogs, for clients choosing a role and for the ERP.</summary>
public static class CatalogEndpoints
{
    [WolverineGet("/api/v1/access/roles")]
    public static IReadOnlyList<RoleDefinition> Roles() => AccessCatalog.Roles;

    [WolverineGet("/api/v1/access/plans")]
    public static IReadOnlyList<PlanDefinition> Plans() => AccessCatalog.Plans;
}
