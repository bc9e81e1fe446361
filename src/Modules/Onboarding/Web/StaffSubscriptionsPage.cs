using Holded.Partners.Onboarding.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Onboarding.Web;

/// <summary>
/// An operator looks an account up by its id and sets its subscription (PUT /api/v1/accounts/{id}/subscription):
/// status, and plan for a business. Who may change it is the API's to decide (operators and the billing service).
/// </summary>
public static class StaffSubscriptionsPage
{
    public const string Path = "/staff/subscriptions";

    [AllowAnonymous]
    [WolverineGet(Path)]
    public static async Task<IResult> Get(HttpContext context, IUseCases useCases, string? accountId, string? done)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        if (string.IsNullOrWhiteSpace(accountId)) return Portal.Render<StaffSubscriptions>(context, view);
        if (!Guid.TryParse(accountId, out var id))
            return Portal.Render<StaffSubscriptions>(context, view, new
            {
                AccountId = accountId,
                Refusal = new Refusal(StatusCodes.Status400BadRequest, "Bad Request", null,
                    new Dictionary<string, string[]> { ["accountId"] = [view.T("debe ser el id de una cuenta.", "must be an account's id.")] }, []),
            }, StatusCodes.Status400BadRequest);
        return await Render(context, useCases, view, id, null, done, null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost(Path + "/{accountId}")]
    public static async Task<IResult> Post(Guid accountId, HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var command = new ChangeSubscription(UsersPage.Value(form, "status"), UsersPage.Value(form, "plan"));
        var answer = await useCases.InvokeAsync(context, "PUT", $"/api/v1/accounts/{accountId}/subscription", command);
        return answer.Succeeded
            ? Results.Redirect($"{Path}?accountId={accountId}&done=saved")
            : await Render(context, useCases, await Portal.ViewAsync(context), accountId, answer.Refusal, null, command, answer.Status);
    }

    private static async Task<IResult> Render(HttpContext context, IUseCases useCases, PortalView view, Guid accountId, Refusal? refusal,
        string? done, ChangeSubscription? sent, int status)
    {
        var account = await useCases.InvokeAsync(context, "GET", $"/api/v1/accounts/{accountId}");
        return account.Succeeded
            ? Portal.Render<StaffSubscriptions>(context, view, new { AccountId = accountId.ToString(), Account = account.As<AccountView>(), Sent = sent, Refusal = refusal, Done = done }, status)
            : Portal.Render<StaffSubscriptions>(context, view, new { AccountId = accountId.ToString(), Refusal = account.Refusal }, account.Status);
    }
}
