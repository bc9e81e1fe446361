using Holded.Partners.Onboarding.Accounts;
using Holded.Partners.Onboarding.Program;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Onboarding.Web;

/// <summary>"Enviar solicitud → confirmar": what sending the application means, and the send itself (POST /api/v1/partner-applications).</summary>
public static class ApplyPage
{
    [AllowAnonymous]
    [WolverineGet("/firms/{accountId}/apply")]
    public static async Task<IResult> Get(Guid accountId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        return await Render(context, useCases, view, accountId, null, null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/firms/{accountId}/apply")]
    public static async Task<IResult> Post(Guid accountId, HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var message = form["message"].ToString() is { Length: > 0 } m ? m : null;
        var answer = await useCases.InvokeAsync(context, "POST", "/api/v1/partner-applications", new SubmitApplication(accountId, message));
        if (answer.Succeeded) return Results.Redirect($"/firms/{accountId}?done=applied");
        return await Render(context, useCases, await Portal.ViewAsync(context, accountId), accountId, message, answer.Refusal, answer.Status);
    }

    private static async Task<IResult> Render(HttpContext context, IUseCases useCases, PortalView view, Guid accountId, string? message, Refusal? refusal, int status)
    {
        var account = await useCases.InvokeAsync(context, "GET", $"/api/v1/accounts/{accountId}");
        if (!account.Succeeded) return Portal.Render<ApplyConfirm>(context, view, new { Refusal = account.Refusal }, account.Status);
        return Portal.Render<ApplyConfirm>(context, view, new { Firm = account.As<AccountView>(), Message = message, Refusal = refusal }, status);
    }
}
