using Holded.Partners.Onboarding.Accounts;
using Holded.Partners.Onboarding.Team;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Onboarding.Web;

/// <summary>Removing a member, confirmed first: the page says what the member loses; DELETE .../members/{userId} only on Confirmar.</summary>
public static class RemoveMemberPage
{
    [AllowAnonymous]
    [WolverineGet("/accounts/{accountId}/users/{userId}/remove")]
    public static async Task<IResult> Get(Guid accountId, string userId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        return await Render(context, useCases, view, accountId, userId, null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/accounts/{accountId}/users/{userId}/remove")]
    public static async Task<IResult> Post(Guid accountId, string userId, HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is not { } person) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is null) return Portal.StaleForm();
        var answer = await useCases.InvokeAsync(context, "DELETE", $"/api/v1/accounts/{accountId}/members/{Uri.EscapeDataString(userId)}");
        if (answer.Succeeded)
            return Results.Redirect(Caller.From(person).UserId == userId ? Portal.Home : $"{UsersPage.PathFor(accountId)}?done=removed");
        return await Render(context, useCases, await Portal.ViewAsync(context, accountId), accountId, userId, answer.Refusal, answer.Status);
    }

    private static async Task<IResult> Render(HttpContext context, IUseCases useCases, PortalView view, Guid accountId, string userId, Refusal? refusal, int status)
    {
        var account = await useCases.InvokeAsync(context, "GET", $"/api/v1/accounts/{accountId}");
        if (!account.Succeeded) return Portal.Render<RemoveMemberConfirm>(context, view, new { Refusal = account.Refusal }, account.Status);
        var members = await useCases.InvokeAsync(context, "GET", $"/api/v1/accounts/{accountId}/members?pageSize=100");
        var member = members.Succeeded ? members.As<Page<TeamMember>>().Items.FirstOrDefault(m => m.UserId == userId) : null;
        if (member is null)
            return Portal.Render<RemoveMemberConfirm>(context, view,
                new { Refusal = new Refusal(StatusCodes.Status404NotFound, "Not Found", view.T("Esa persona no es miembro de la cuenta.", "That person is not a member of the account."), new Dictionary<string, string[]>(), []) },
                StatusCodes.Status404NotFound);
        return Portal.Render<RemoveMemberConfirm>(context, view, new { Account = account.As<AccountView>(), Member = member, Refusal = refusal }, status);
    }
}
