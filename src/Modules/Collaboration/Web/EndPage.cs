using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Collaboration.Collaborations;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Collaboration.Web;

/// <summary>
/// Step 11, "⋮ → Terminar colaboración": a confirmation that says what ends, with a reason; the end only on its POST
/// (POST /api/v1/collaborations/{id}/end), then back to the side's own list, where the other party is gone.
/// </summary>
public static class EndPage
{
    [AllowAnonymous]
    [WolverineGet("/collaborations/{collaborationId}/end")]
    public static async Task<IResult> Confirm(Guid collaborationId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        return await Show(context, useCases, view, collaborationId, null, null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/collaborations/{collaborationId}/end")]
    public static async Task<IResult> End(Guid collaborationId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var reason = form["reason"].ToString();
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/collaborations/{collaborationId}/end",
            new EndCollaboration(reason, Confirm: true)); // this POST is the confirmation
        if (!answer.Succeeded) return await Show(context, useCases, view, collaborationId, reason, answer.Refusal, answer.Status);
        var ended = answer.As<CollaborationView>();
        var side = Pages.SideOf(view, ended);
        return Results.Redirect(side?.AccountId == ended.ClientAccountId
            ? Pages.Advisors(ended.ClientAccountId) + "?done=ended"
            : Pages.Clients(ended.PartnerAccountId) + "?done=ended");
    }

    private static async Task<IResult> Show(HttpContext context, IUseCases useCases, PortalView view, Guid id, string? reason, Refusal? refusal, int status)
    {
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/collaborations/{id}");
        if (!read.Succeeded) return Portal.Render<EndConfirmation>(context, view, new { Refusal = read.Refusal }, read.Status);
        var collaboration = read.As<CollaborationView>();
        return Portal.Render<EndConfirmation>(context, view with { Account = Pages.SideOf(view, collaboration) },
            new { Collaboration = collaboration, Reason = reason, Refusal = refusal }, status);
    }
}
