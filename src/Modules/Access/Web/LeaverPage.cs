using Holded.Partners.Access.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Access.Web;

/// <summary>
/// The leaver view: what one member reaches today (GET /api/v1/partners/{id}/members/{userId}/reach), and its one
/// action, confirmed on the page: the member's removal from the firm (DELETE /api/v1/accounts/{id}/members/{userId},
/// Onboarding's own use case), which ends their assignments and sessions and revokes their pending invitations at once.
/// </summary>
public static class LeaverPage
{
    public static string PathOf(Guid accountId, string userId) => $"/firms/{accountId}/users/{Uri.EscapeDataString(userId)}/reach";

    [AllowAnonymous] // the page reads its own cookie identity; the use cases decide
    [WolverineGet("/firms/{accountId}/users/{userId}/reach")]
    public static async Task<IResult> Get(Guid accountId, string userId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        return await Render(context, useCases, view, accountId, userId, null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/firms/{accountId}/users/{userId}/reach")]
    public static async Task<IResult> Remove(Guid accountId, string userId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        if (form["confirm"] != "yes")
            return await Render(context, useCases, view, accountId, userId, new Refusal(StatusCodes.Status400BadRequest, "Invalid", null,
                new Dictionary<string, string[]> { ["confirm"] = [view.T("Marca la casilla para confirmar la baja.", "Tick the box to confirm the removal.")] }, []),
                StatusCodes.Status400BadRequest);
        var answer = await useCases.InvokeAsync(context, "DELETE", $"/api/v1/accounts/{accountId}/members/{Uri.EscapeDataString(userId)}");
        if (answer.Succeeded) return Results.Redirect($"/accounts/{accountId}/users?done=removed");
        return await Render(context, useCases, view, accountId, userId, answer.Refusal, answer.Status);
    }

    private static async Task<IResult> Render(HttpContext context, IUseCases useCases, PortalView view, Guid accountId, string userId, Refusal? refusal, int status)
    {
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/partners/{accountId}/members/{Uri.EscapeDataString(userId)}/reach");
        if (!read.Succeeded) return Portal.Render<LeaverView>(context, view, new { AccountId = accountId, Refusal = read.Refusal }, read.Status);
        return Portal.Render<LeaverView>(context, view, new { AccountId = accountId, Reach = read.As<MemberReach>(), Refusal = refusal }, status);
    }
}
