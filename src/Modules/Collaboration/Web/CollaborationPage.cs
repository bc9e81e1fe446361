using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Collaboration.Collaborations;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Collaboration.Web;

/// <summary>
/// One collaboration, both sides (GET /api/v1/collaborations/{id}): who, since when, its managers, and the way on — the
/// pending tasks, "Acceder a la cuenta", "Conceder acceso" for the client, "Gestores de la cuenta" and "Terminar colaboración".
/// </summary>
public static class CollaborationPage
{
    [AllowAnonymous]
    [WolverineGet("/collaborations/{collaborationId}")]
    public static async Task<IResult> Get(Guid collaborationId, string? done, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/collaborations/{collaborationId}");
        if (!read.Succeeded) return Portal.Render<CollaborationDetails>(context, view, new { Refusal = read.Refusal }, read.Status);
        var collaboration = read.As<CollaborationView>();
        return Portal.Render<CollaborationDetails>(context, view with { Account = Pages.SideOf(view, collaboration) },
            new { Collaboration = collaboration, Done = done });
    }
}
