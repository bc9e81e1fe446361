using System.Security.Claims;

namespace Holded.Partners.Kernel;

/// <summary>
/// Who is calling, as the bearer token says. Only identity comes from the token:
/// what the caller may do is always decided from this system's own state.
/// </summary>
public sealed record Caller(string UserId, string Email, string Name, string? PlatformRole, IReadOnlySet<string> Scopes)
{
    public static Caller From(ClaimsPrincipal principal)
    {
        var scopes = principal.FindAll("scope")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        return new Caller(
            principal.FindFirst("sub")?.Value ?? "",
            (principal.FindFirst("email")?.Value ?? "").Trim().ToLowerInvariant(),
            principal.FindFirst("name")?.Value ?? principal.FindFirst("email")?.Value ?? "",
            principal.FindFirst("platform_role")?.Value,
            scopes);
    }

    public bool IsPerson => UserId.Length > 0 && Email.Length > 0;
    public bool Is(string platformRole) => PlatformRole == platformRole;
    public bool Has(string scope) => Scopes.Contains(scope);
}

public static class PlatformRoles
{
    public const string Reviewer = "reviewer";
    public const string Operator = "operator";
    public const string Auditor = "auditor";
}

public static class ServiceScopes
{
    public const string AccessCheck = "partners.access.check";
    public const string PendingWorkWrite = "partners.pending-work.write";
    public const string Billing = "partners.billing";
}
