using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Collaboration.Collaborations;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Collaboration.Web;

/// <summary>
/// Step 8, "Gestores de la cuenta → Añadir → Confirmar": the firm's members to pick from (GET /api/v1/accounts/{firm}/members),
/// a confirmation that says who starts and who stops managing the client, and only then PUT /api/v1/collaborations/{id}/managers.
/// </summary>
public static class ManagersPage
{
    [AllowAnonymous]
    [WolverineGet("/collaborations/{collaborationId}/managers")]
    public static async Task<IResult> Pick(Guid collaborationId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        return await Show(context, useCases, view, collaborationId, wanted: null, refusal: null, StatusCodes.Status200OK);
    }

    /// <summary>The confirmation: the query's userIds are the whole set wanted (the current managers, plus or minus).</summary>
    [AllowAnonymous]
    [WolverineGet("/collaborations/{collaborationId}/managers/confirm")]
    public static async Task<IResult> Confirm(Guid collaborationId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        var wanted = context.Request.Query["userIds"].OfType<string>().ToArray(); // none: nobody manages it any more
        return await Show(context, useCases, view, collaborationId, wanted, refusal: null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/collaborations/{collaborationId}/managers")]
    public static async Task<IResult> Save(Guid collaborationId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var wanted = form["userIds"].OfType<string>().ToArray();
        var answer = await useCases.InvokeAsync(context, "PUT", $"/api/v1/collaborations/{collaborationId}/managers", new SetManagers(wanted));
        return answer.Succeeded
            ? Results.Redirect(Pages.Collaboration(collaborationId) + "?done=managers")
            : await Show(context, useCases, view, collaborationId, wanted, answer.Refusal, answer.Status);
    }

    private static async Task<IResult> Show(HttpContext context, IUseCases useCases, PortalView view, Guid id, string[]? wanted, Refusal? refusal, int status)
    {
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/collaborations/{id}");
        if (!read.Succeeded) return Portal.Render<ManagersPicker>(context, view, new { Refusal = read.Refusal }, read.Status);
        var collaboration = read.As<CollaborationView>();
        view = view with { Account = Pages.SideOf(view, collaboration) };
        var members = await useCases.InvokeAsync(context, "GET", $"/api/v1/accounts/{collaboration.PartnerAccountId}/members?pageSize={Paging.MaxSize}");
        if (!members.Succeeded) return Portal.Render<ManagersPicker>(context, view, new { Refusal = members.Refusal }, members.Status);
        return Portal.Render<ManagersPicker>(context, view, new
        {
            Collaboration = collaboration, Members = members.As<Page<FirmMember>>().Items, Wanted = wanted, Refusal = refusal,
        }, status);
    }
}

/// <summary>A member of the firm as GET /api/v1/accounts/{id}/members answers it (Onboarding's TeamMember), as much as the page reads.</summary>
public sealed record FirmMember(string UserId, string Email, string Name, string Role);
