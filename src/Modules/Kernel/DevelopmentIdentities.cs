using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Holded.Partners.Kernel;

/// <summary>
/// The demo identities — the development sign-in page and the development token endpoint — exist in Development only,
/// and never beside a real identity provider: with Auth:Authority configured, people sign in there.
/// </summary>
public static class DevelopmentIdentities
{
    /// <summary>The keys appsettings.Development.json ships: public, so refused anywhere but Development.</summary>
    public const string PublicSigningKey = "development-only-signing-key-never-use-in-production-0123456789";
    public const string PublicSessionKey = "development-only-session-key-never-use-in-production-0123456789";

    public static bool Offered(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() && string.IsNullOrEmpty(configuration["Auth:Authority"]);

    /// <summary>A demo person's stable subject, derived from their email: the same person gets the same id every time, however signed in.</summary>
    public static string SubjectFor(string email) => StableIds.For("development-user", email.Trim().ToLowerInvariant()).ToString();
}

/// <summary>The web pages' cookie identity: the scheme the host registers and the pages sign in and read with.</summary>
public static class WebIdentity
{
    public const string Scheme = "partners-web";

    /// <summary>The OpenID Connect sign-in at the configured authority (registered only with Auth:Authority and Auth:PortalClientId).</summary>
    public const string ProviderScheme = "partners-oidc";

    /// <summary>The person signed in to the pages, or null.</summary>
    public static async Task<ClaimsPrincipal?> CurrentAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        return result.Succeeded ? result.Principal : null;
    }
}

/// <summary>A person of the demo data set, offered by the development sign-in with what they are there for.</summary>
public sealed record DemoIdentity(string Email, string Name, string? PlatformRole, Words Who);

/// <summary>The demo data set's people (registered by the host in Development), for the development sign-in to list.</summary>
public sealed record DemoIdentities(IReadOnlyList<DemoIdentity> All);
