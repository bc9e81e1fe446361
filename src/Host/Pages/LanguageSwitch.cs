using Holded.Partners.Kernel;
using Holded.Partners.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Holded.Partners.Host.Pages;

/// <summary>The header's language switch: a link (works without JavaScript) that keeps the choice in a cookie and goes back.</summary>
public static class LanguageSwitch
{
    [AllowAnonymous]
    [WolverineGet("/language/{code}")]
    public static IResult Switch(string code, string? returnUrl, HttpContext context)
    {
        if (!Language.All.Contains(code)) return Results.Problem(Problems.NotFound("language"));
        context.Response.Cookies.Append(Language.Cookie, code, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
        return Results.Redirect(Portal.SafeReturn(returnUrl, "/"));
    }
}
