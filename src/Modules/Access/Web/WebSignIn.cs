using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using static Holded.Partners.Kernel.HtmlPage;

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
    public static IResult Form(HttpContext context, IAntiforgery antiforgery, IHostEnvironment environment, IConfiguration configuration, string? returnUrl)
    {
        if (!DevelopmentIdentities.Offered(environment, configuration)) return Results.Problem(Problems.NotFound("page"));
        var language = Language.Of(context.Request);
        var en = language == Language.English;
        var tokens = antiforgery.GetAndStoreTokens(context);
        var body = $"""
            <h1>{(en ? "Development sign-in" : "Acceso de desarrollo")}</h1>
            <p>{(en ? "Demo identities only; never in production." : "Solo identidades de demostración; nunca en producción.")}</p>
            <form method="post" action="/signin">
              <input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">
              <input type="hidden" name="returnUrl" value="{E(SafeReturn(returnUrl))}">
              <label>Email <input type="email" name="email" required maxlength="254"></label>
              <label>{(en ? "Name" : "Nombre")} <input type="text" name="name" maxlength="120"></label>
              <label>{(en ? "Platform role" : "Rol de plataforma")} <select name="platformRole"><option value=""></option>
                <option value="auditor">auditor</option><option value="reviewer">reviewer</option><option value="operator">operator</option></select></label>
              <button type="submit">{(en ? "Sign in" : "Entrar")}</button>
            </form>
            """;
        return Page(context, language, StatusCodes.Status200OK, en ? "Sign in — Holded Partners" : "Acceso — Holded Partners",
            en ? "Development sign-in" : "Acceso de desarrollo", body);
    }

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

    /// <summary>
    /// Only a path of this site: never an open redirect. Browsers drop tabs and line breaks from a URL and read a backslash
    /// as "/", so "/\t/evil.example" would become "//evil.example": no whitespace, control character or backslash passes.
    /// </summary>
    public static string SafeReturn(string? url) =>
        url is { Length: > 1 and <= 2000 } && url[0] == '/' && url[1] != '/'
        && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\')
        && Uri.TryCreate(url, UriKind.Relative, out _)
            ? url
            : url == "/" ? "/" : "/audit";
}
