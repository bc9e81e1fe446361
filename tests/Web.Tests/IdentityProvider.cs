using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Microsoft.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Holded.Partners.Web.Tests;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on a loopback port: discovery, keys, an authorization endpoint that signs in
/// whoever the test says is at the keyboard, and the token endpoint of the code flow. It knows one client, the portal,
/// with its one redirect URI, and demands PKCE.
/// </summary>
public sealed class IdentityProvider : IAsyncDisposable
{
    public const string ClientId = "holded-partners-portal";
    private readonly WebApplication _app;

    /// <summary>The claims of the person who "types their password" at the next authorization request.</summary>
    public Func<IReadOnlyDictionary<string, string>> Person { get; set; } = () => new Dictionary<string, string>();

    /// <summary>Every authorization request's query, as the provider received it.</summary>
    public ConcurrentQueue<IQueryCollection> AuthorizationRequests { get; } = new();

    /// <summary>When set, the provider refuses the next authorization with this OAuth error.</summary>
    public string? Refuse { get; set; }

    public Uri Address { get; }

    private IdentityProvider(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public static async Task<IdentityProvider> StartAsync(Func<string> redirectUri)
    {
        var port = TestDatabase.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.ClearProviders();
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetIssuer(address);
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.DisableAccessTokenEncryption();
            // No stores: the one client is checked here, by hand.
            o.EnableDegradedMode();
            o.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(c =>
            {
                if (c.ClientId != ClientId) c.Reject(Errors.InvalidClient, "Unknown client.");
                else if (c.RedirectUri != redirectUri()) c.Reject(Errors.InvalidRequest, "Unknown redirect_uri.");
                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(c =>
            {
                if (c.ClientId != ClientId) c.Reject(Errors.InvalidClient, "Unknown client.");
                return default;
            }));
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
        });
        var app = builder.Build();
        var provider = new IdentityProvider(app, address);
        app.MapGet("/connect/authorize", (HttpContext http) =>
        {
            provider.AuthorizationRequests.Enqueue(http.Request.Query);
            if (provider.Refuse is { } error)
                return Results.Forbid(new Microsoft.AspNetCore.Authentication.AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The person said no.",
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            var request = http.GetOpenIddictServerRequest()!;
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, "platform_role");
            foreach (var (type, value) in provider.Person()) identity.AddClaim(new Claim(type, value));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
