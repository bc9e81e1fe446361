using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Collaboration.Collaborations;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Collaboration.Web;

/// <summary>"Mi asesoría": the client's collaborations (GET /api/v1/clients/{id}/collaborations), each with the way to "Conceder acceso".</summary>
public static class AdvisorsPage
{
    [AllowAnonymous]
    [WolverineGet("/businesses/{accountId}/advisors")]
    public static async Task<IResult> Get(Guid accountId, string? status, int? page, string? done, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        var shown = status ?? CollaborationStatus.Active;
        var answer = await useCases.InvokeAsync(context, "GET", $"/api/v1/clients/{accountId}/collaborations" +
            Pages.Query(("status", shown), ("page", page)));
        return Portal.Render<AdvisorsList>(context, view, new
        {
            AccountId = accountId, Status = shown, Done = done,
            Collaborations = answer.Succeeded ? answer.As<Page<CollaborationView>>() : null, Refusal = answer.Refusal,
        }, answer.Status);
    }
}
