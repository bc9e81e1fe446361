using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>Tokens signed with the development key: for the `token` command, demos and tests. Never valid in production.</summary>
public static class DevelopmentTokens
{
    /// <summary>The keys appsettings.Development.json ships: public, so refused outside Development.</summary>
    public const string PublicSigningKey = Kernel.DevelopmentIdentities.PublicSigningKey;
    public const string PublicSessionKey = Kernel.DevelopmentIdentities.PublicSessionKey;

    public static string Issue(string signingKey, string subject, string? email, string? name, string? platformRole,
        IEnumerable<string>? scopes, TimeSpan lifetime, bool emailVerified = true, string? clientId = null)
    {
        var claims = new List<Claim> { new("sub", subject) };
        if (!string.IsNullOrEmpty(email))
        {
            claims.Add(new Claim("email", email));
            claims.Add(new Claim("email_verified", emailVerified ? "true" : "false", ClaimValueTypes.Boolean));
        }
        if (!string.IsNullOrEmpty(name)) claims.Add(new Claim("name", name));
        if (!string.IsNullOrEmpty(platformRole)) claims.Add(new Claim("platform_role", platformRole));
        var scope = string.Join(' ', scopes ?? []);
        if (scope.Length > 0) claims.Add(new Claim("scope", scope));
        // A machine's token names its client (RFC 9068), which Auth:ServiceClients must list for it to count as a service.
        if (clientId is not null) claims.Add(new Claim("client_id", clientId));

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Identity.DevelopmentIssuer,
            Audience = Identity.DevelopmentAudience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.Add(lifetime),
            SigningCredentials = new SigningCredentials(Identity.SigningKey(signingKey), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A stable subject for a demo email, so the same person gets the same id every time.</summary>
    public static string SubjectFor(string email) => Kernel.DevelopmentIdentities.SubjectFor(email);
}
