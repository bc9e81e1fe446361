using Holded.Partners.Kernel.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// People sign in to the portal at the same OIDC authority whose tokens the API accepts: authorization code with PKCE,
/// the answer in the query (no form_post page that needs JavaScript to go on). The identity becomes the pages' cookie
/// with the same claims, read by the same rules as a bearer token: claims as the provider names them, "name" and
/// "platform_role", and our own service mark dropped if the provider sent one.
/// </summary>
internal static class PortalSignIn
{
    public const string CallbackPath = "/signin-oidc";

    public static void Configure(OpenIdConnectOptions o, string authority, string clientId, AuthOptions auth)
    {
        o.Authority = authority;
        o.RequireHttpsMetadata = authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase); // http only in Development (AuthOptions)
        o.ClientId = clientId;
        o.ClientSecret = auth.PortalClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.CallbackPath = CallbackPath;
        o.SignInScheme = Kernel.WebIdentity.Scheme;
        o.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "email" }) o.Scope.Add(scope);
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false; // the id token carries what the pages read
        o.SaveTokens = false; // the pages never call anything with the provider's tokens
        o.TokenValidationParameters.NameClaimType = "name";
        o.TokenValidationParameters.RoleClaimType = "platform_role";
        o.ClaimActions.Clear();
        o.ClaimActions.MapAll();
        o.ClaimActions.DeleteClaims("nonce", "at_hash", "c_hash", "aud", "iss", "iat", "nbf", "exp", "auth_time", "sid", "azp", "oi_au_id", "oi_tkn_id");
        // The query answer arrives by a top-level GET from the provider's site: Lax correlation cookies are sent with it,
        // and need no Secure flag on a developer's http.
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = context =>
            {
                if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                    foreach (var forged in identity.FindAll(Kernel.Caller.ServiceClaim).ToList()) identity.RemoveClaim(forged);
                return Task.CompletedTask;
            },
            // The pages' cookie is SameSite=Strict, so it is not sent on a navigation that began at the provider: the
            // person goes on from a page of this site (SignInComplete) and the cookie comes with that request.
            OnTicketReceived = context =>
            {
                var back = Portal.SafeReturn(context.ReturnUri);
                context.ReturnUri = "/signin/complete?returnUrl=" + Uri.EscapeDataString(back);
                return Task.CompletedTask;
            },
            OnRemoteFailure = async context =>
            {
                context.HandleResponse();
                context.Response.Clear();
                await ErrorResponses.Write(context.HttpContext, StatusCodes.Status401Unauthorized,
                    "The sign-in at the identity provider did not complete; start again from /signin.");
            },
        };
    }
}
