using System.Security.Claims;

namespace Holded.Partners.Kernel;

/// <summary>
/// Who is calling, as the bearer token says. Only identity comes from the token:
/// what the caller may do is always decided from this system's own state.
/// </summary>
public sealed record Caller(
    string UserId, string Email, bool EmailVerified, string Name, string? PlatformRole, IReadOnlySet<string> Scopes, bool IsService)
{
    public const int MaxNameLength = 120;

    /// <summary>
    /// Set by the host on a token issued to one of the configured service clients (Auth:ServiceClients, by client_id or
    /// azp), and never taken from a token: services are known positively, not by a missing email.
    /// </summary>
    public const string ServiceClaim = "partners_service";

    public static Caller From(ClaimsPrincipal principal)
    {
        var scopes = principal.FindAll("scope")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        var email = (principal.FindFirst("email")?.Value ?? "").Trim().ToLowerInvariant();
        var name = (principal.FindFirst("name")?.Value ?? email).Trim();
        var role = principal.FindFirst("platform_role")?.Value;
        return new Caller(
            principal.FindFirst("sub")?.Value ?? "",
            email,
            string.Equals(principal.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase),
            name.Length > MaxNameLength ? name[..MaxNameLength] : name,
            PlatformRoles.All.Contains(role) ? role : null, // an unknown role is no role at all
            scopes,
            principal.HasClaim(ServiceClaim, "true"));
    }

    /// <summary>A person signed in, as opposed to a service: a subject and an email, and no service client.</summary>
    public bool IsPerson => !IsService && UserId.Length > 0 && Email.Length > 0;
    /// <summary>Platform staff: one of the known platform roles.</summary>
    public bool IsStaff => PlatformRole is not null && IsPerson;
    public bool Is(string platformRole) => PlatformRole == platformRole && IsPerson;
    /// <summary>Service scopes count only on a known service's token: a person's token never carries a machine's rights.</summary>
    public bool Has(string scope) => IsService && Scopes.Contains(scope);
}

public static class PlatformRoles
{
    public const string Reviewer = "reviewer";
    public const string Operator = "operator";
    public const string Auditor = "auditor";
    public static readonly IReadOnlyList<string> All = [Reviewer, Operator, Auditor];
}

public static class ServiceScopes
{
    public const string AccessCheck = "partners.access.check";
    public const string PendingWorkWrite = "partners.pending-work.write";
    public const string Billing = "partners.billing";
}
