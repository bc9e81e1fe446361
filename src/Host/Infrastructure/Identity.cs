using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// Bearer tokens carry identity only. Production validates tokens of a configured OIDC authority and audience;
/// Development and tests sign their own with a local key (the `token` command prints one).
/// </summary>
public static class Identity
{
    public const string DevelopmentIssuer = "holded-partners-dev";
    public const string DevelopmentAudience = "holded-partners";

    public static void AddPartnersIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, ValidateAuthOptions>();
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var (authority, signingKey) = (auth.Authority, auth.DevelopmentSigningKey);

        var authentication = builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
        authentication.AddJwtBearer(o =>
        {
            o.TokenHandlers.Clear();
            o.TokenHandlers.Add(new RememberedTokens(TimeProvider.System)); // token lifetimes are checked against real time
            o.MapInboundClaims = false;
            o.SaveToken = false; // nothing reads the raw token back from the request
            o.TokenValidationParameters.NameClaimType = "name";
            o.TokenValidationParameters.RoleClaimType = "platform_role";
            if (!string.IsNullOrEmpty(authority))
            {
                o.Authority = authority;
                o.Audience = auth.Audience;
                o.RequireHttpsMetadata = authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase); // http only in Development (AuthOptions)
            }
            else if (signingKey is { Length: > 0 })
            {
                o.TokenValidationParameters.ValidIssuer = DevelopmentIssuer;
                o.TokenValidationParameters.ValidAudience = DevelopmentAudience;
                o.TokenValidationParameters.IssuerSigningKey = SigningKey(signingKey);
            }
            var services = auth.Services;
            o.Events = new JwtBearerEvents
            {
                // A service is one of the configured clients, by the token's client_id (RFC 9068) or azp; the mark is
                // ours alone, so one arriving inside a token is dropped first.
                OnTokenValidated = context =>
                {
                    if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                    {
                        foreach (var forged in identity.FindAll(Kernel.Caller.ServiceClaim).ToList()) identity.RemoveClaim(forged);
                        var client = identity.FindFirst("client_id")?.Value ?? identity.FindFirst("azp")?.Value;
                        if (client is not null && services.Contains(client)) identity.AddClaim(new(Kernel.Caller.ServiceClaim, "true"));
                    }
                    return Task.CompletedTask;
                },
                // A refusal is problem details like every other error.
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    await ErrorResponses.Write(context.HttpContext, StatusCodes.Status401Unauthorized,
                        "Sign in: send a valid bearer token in the Authorization header.");
                },
                OnForbidden = context => ErrorResponses.Write(context.HttpContext, StatusCodes.Status403Forbidden,
                    "Your identity may not do this."),
            };
        });
        // The web pages' own sign-in (see Access's WebSignIn): a cookie, never a bearer token in a page.
        authentication.AddCookie(Kernel.WebIdentity.Scheme, o =>
        {
            o.Cookie.Name = "partners.web";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.LoginPath = "/signin";
        });
        if (!string.IsNullOrEmpty(authority) && auth.PortalClientId is { Length: > 0 } portalClient)
            authentication.AddOpenIdConnect(Kernel.WebIdentity.ProviderScheme, o => PortalSignIn.Configure(o, authority, portalClient, auth));
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddAuthorization();
    }

    public static SymmetricSecurityKey SigningKey(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < 32)
            throw new InvalidOperationException("Auth:DevelopmentSigningKey must be at least 32 bytes long.");
        return new SymmetricSecurityKey(bytes);
    }
}
