using System.Text;
using Microsoft.Extensions.Options;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>Auth: who issues the bearer tokens this API accepts, bound from configuration and checked when the host starts.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The OIDC provider (https) whose tokens are accepted; required in production.</summary>
    public string? Authority { get; set; }
    /// <summary>The audience those tokens must name; required with an authority.</summary>
    public string? Audience { get; set; }
    /// <summary>Outside production, with no authority: the key (32+ bytes) development tokens are signed with.</summary>
    public string? DevelopmentSigningKey { get; set; }
    /// <summary>The portal's client at the OIDC provider (authorization code + PKCE); required in production.</summary>
    public string? PortalClientId { get; set; }
    /// <summary>The portal client's secret, when the provider registers it as a confidential client.</summary>
    public string? PortalClientSecret { get; set; }
    /// <summary>The service clients (client_id or azp), comma-separated, whose tokens are a service's.</summary>
    public string? ServiceClients { get; set; }

    public IReadOnlySet<string> Services =>
        (ServiceClients ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}

/// <summary>A wrong setting stops the host at start, naming the setting, instead of refusing every caller later.</summary>
internal sealed class ValidateAuthOptions(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.Authority))
        {
            if (environment.IsProduction()) failures.Add("Production must validate tokens of an OIDC authority: set Auth:Authority (and Auth:Audience).");
            else if (string.IsNullOrEmpty(options.DevelopmentSigningKey))
                failures.Add("No token issuer configured: set Auth:Authority and Auth:Audience (an OIDC provider), or Auth:DevelopmentSigningKey outside production.");
        }
        else
        {
            if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || !(authority.Scheme == "https" || (authority.Scheme == "http" && environment.IsDevelopment())))
                failures.Add($"Auth:Authority must be the https address of the OIDC provider (http only in Development); it is \"{options.Authority}\".");
            if (string.IsNullOrEmpty(options.Audience)) failures.Add("Auth:Audience is required with Auth:Authority: the audience the provider's tokens name.");
            if (string.IsNullOrEmpty(options.PortalClientId) && environment.IsProduction())
                failures.Add("Auth:PortalClientId is required in Production: the portal's client at the OIDC provider, which people sign in through (code flow with PKCE, redirect URI /signin-oidc).");
        }
        if (options.DevelopmentSigningKey is { Length: > 0 } key)
        {
            if (Encoding.UTF8.GetByteCount(key) < 32) failures.Add("Auth:DevelopmentSigningKey must be at least 32 bytes long.");
            // The development key is in the repository for anyone to read: anywhere but Development it signs nothing.
            if (key == DevelopmentTokens.PublicSigningKey && !environment.IsDevelopment())
                failures.Add($"Auth:DevelopmentSigningKey is the public key of appsettings.Development.json, refused in {environment.EnvironmentName}: set a secret of your own (or Auth:Authority).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
