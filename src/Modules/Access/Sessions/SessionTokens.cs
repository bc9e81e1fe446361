using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Holded.Partners.Access.Sessions;

/// <summary>
/// Delegated tokens (RFC 8693 style): the client account as subject, the firm member as the actor, the effective
/// permissions as scope ("accounting:write invoicing:read"), the session id. Signed with this system's own key;
/// short-lived, and only as good as introspection says at the moment it is asked.
/// </summary>
public sealed class SessionTokens(string signingKey)
{
    public const string Issuer = "holded-partners";
    public const string Audience = "holded-erp";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly SymmetricSecurityKey _key = Key(signingKey);

    public static SymmetricSecurityKey Key(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < 32) throw new InvalidOperationException("Access:SessionSigningKey must be at least 32 bytes long.");
        return new SymmetricSecurityKey(bytes);
    }

    /// <summary>In the catalog's order of sections, whatever order the dictionary comes in.</summary>
    public static string Scope(IReadOnlyDictionary<string, string> permissions) => string.Join(' ', Catalogs.Sections
        .Where(s => permissions.TryGetValue(s, out var level) && level != Catalog.Levels.None)
        .Select(s => $"{s}:{permissions[s]}"));

    /// <param name="expires">Now plus the <see cref="Lifetime"/>, or sooner: never past what the access it carries lasts.</param>
    public string Issue(Guid sessionId, Guid clientAccountId, string userId, IReadOnlyDictionary<string, string> permissions, DateTimeOffset now,
        DateTimeOffset? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (expires ?? now + Lifetime).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = clientAccountId.ToString(),
                ["act"] = new Dictionary<string, object> { ["sub"] = userId },
                ["scope"] = Scope(permissions),
                ["sid"] = sessionId.ToString(),
            },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });

    /// <summary>The session id of a token signed by us and not yet past its expiry (by <paramref name="now"/>), or null.</summary>
    public async Task<Guid?> Validate(string token, DateTimeOffset now)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = _key,
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) => expires is { } e && e > now.UtcDateTime && (notBefore is null || notBefore <= now.UtcDateTime.AddSeconds(1)),
        });
        return result.IsValid && Guid.TryParse(result.ClaimsIdentity.FindFirst("sid")?.Value, out var sid) ? sid : null;
    }
}
