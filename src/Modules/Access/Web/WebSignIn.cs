using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Access.Web;

/// <summary>
/// The web pages' identity: a cookie (HttpOnly, SameSite=Strict, Secure outside development). In Development, with no
/// OIDC authority configured, a development sign-in for demo identities issues it (a platform role picked from the
/// list of roles); anywhere else this form answers 404 and people sign in through the OIDC provider.
/// </summary>
public static class WebSignIn
{
    private const string Scheme = WebIdentity.Scheme;

    [AllowAnonymous]
    [WolverineGet("/signin")]
    public static async Task<IResult> Form(HttpContext context, IHostEnvironment environment, IConfiguration configuration, string? returnUrl)
    {
        if (!DevelopmentIdentities.Offered(environment, configuration))
            // Beside an identity provider, people sign in there (code flow), and come back to where they were going.
            return await context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(WebIdentity.ProviderScheme) is null
                ? Results.Problem(Problems.NotFound("page"))
                : Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturn(returnUrl) }, [WebIdentity.ProviderScheme]);
        var demo = context.RequestServices.GetService<DemoIdentities>()?.All ?? [];
        return Portal.Render<SignInPage>(context, await Portal.ViewAsync(context), new { ReturnUrl = SafeReturn(returnUrl), Demo = demo });
    }

    /// <summary>
    /// Back from the identity provider: a page of this site that goes on to where the person was going, so that the
    /// SameSite=Strict cookie is sent (it is not on a navigation that began at the provider). Without JavaScript: a link
    /// and a refresh.
    /// </summary>
    [AllowAnonymous]
    [WolverineGet("/signin/complete")]
    public static async Task<IResult> Complete(HttpContext context, string? returnUrl) =>
        Portal.Render<SignInComplete>(context, await Portal.ViewAsync(context), new { ReturnUrl = SafeReturn(returnUrl) });

    [AllowAnonymous]
    [WolverinePost("/signin")]
    public static async Task<IResult> SignIn(HttpContext context, IAntiforgery antiforgery, IHostEnvironment environment, IConfiguration configuration)
    {
        if (!DevelopmentIdentities.Offered(environment, configuration)) return Results.Problem(Problems.NotFound("page"));
        if (!await antiforgery.IsRequestValidAsync(context))
            return Results.Problem(Problems.Forbidden("The form's antiforgery token is missing or wrong; reload the sign-in page."));
        var form = await context.Request.ReadFormAsync();
        var email = form["email"].ToString().Trim().ToLowerInvariant();
        if (!Check.IsEmail(email))
            return Results.Problem(Problems.Invalid(new Dictionary<string, string[]> { ["email"] = ["must be an email address."] }));
        var name = form["name"].ToString().Trim() is { Length: > 0 } n ? n : email;
        var claims = new List<Claim>
        {
            new("sub", DevelopmentIdentities.SubjectFor(email)), new("email", email), new("email_verified", "true"),
            new("name", name.Length > Caller.MaxNameLength ? name[..Caller.MaxNameLength] : name),
        };
        if (PlatformRoles.All.Contains(form["platformRole"].ToString())) claims.Add(new("platform_role", form["platformRole"].ToString()));
        await context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, "name", "platform_role")));
        return Results.Redirect(SafeReturn(form["returnUrl"].ToString()));
    }

    [AllowAnonymous]
    [WolverinePost("/signout")]
    public static async Task<IResult> SignOut(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return Results.Problem(Problems.Forbidden("The form's antiforgery token is missing or wrong."));
        await context.SignOutAsync(Scheme);
        return Results.Redirect("/signin");
    }

    /// <summary>Only a path of this site (see <see cref="Portal.SafeReturn"/>); anything else lands on the portal.</summary>
    public static string SafeReturn(string? url) => Portal.SafeReturn(url);
}
