using Holded.Partners.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace Holded.Partners.Host.Pages;

/// <summary>"/": a page that says what this is and where to go, rendered by the Razor component <see cref="Landing"/>.</summary>
public static class LandingEndpoint
{
    [AllowAnonymous]
    [WolverineGet("/")]
    public static RazorComponentResult<Landing> Get(HttpContext context, IHostEnvironment environment, IConfiguration configuration)
    {
        var language = Language.Of(context.Request);
        context.Response.Headers.Vary = "Accept-Language";
        context.Response.Headers.ContentLanguage = language;
        return new RazorComponentResult<Landing>(new { Language = language, DevelopmentSignIn = DevelopmentIdentities.Offered(environment, configuration) })
        {
            ContentType = "text/html; charset=utf-8",
        };
    }
}
