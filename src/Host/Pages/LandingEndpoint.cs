using Holded.Partners.Kernel;
using Holded.Partners.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Holded.Partners.Host.Pages;

/// <summary>"/": what this is and where to go, rendered by the Razor component <see cref="Landing"/>.</summary>
public static class LandingEndpoint
{
    [AllowAnonymous]
    [WolverineGet("/")]
    public static async Task<IResult> Get(HttpContext context, IHostEnvironment environment, IConfiguration configuration) =>
        Portal.Render<Landing>(context, await Portal.ViewAsync(context), new { DevelopmentSignIn = DevelopmentIdentities.Offered(environment, configuration) });
}
