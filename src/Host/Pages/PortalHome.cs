using Holded.Partners.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Holded.Partners.Host.Pages;

/// <summary>
/// Where a person lands after signing in: straight into their only account, or a choice between their accounts, the
/// staff areas of their platform role and the invitations waiting for them; with none, the way to register.
/// </summary>
public static class PortalHomeEndpoint
{
    [AllowAnonymous] // the page reads its own cookie identity
    [WolverineGet(Portal.Home)]
    public static async Task<IResult> Get(HttpContext context)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is not { } person) return Portal.SignIn(context);
        if (person is { Accounts.Count: 1, PlatformRole: null, Invitations.Count: 0 }) return Results.Redirect(person.Accounts[0].Home);
        return Portal.Render<PortalHome>(context, view);
    }
}
