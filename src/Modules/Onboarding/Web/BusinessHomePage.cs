using Holded.Partners.Onboarding.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Onboarding.Web;

/// <summary>A business's home: the account in a few lines and the way to each of its pages.</summary>
public static class BusinessHomePage
{
    [AllowAnonymous]
    [WolverineGet("/businesses/{accountId}")]
    public static async Task<IResult> Get(Guid accountId, HttpContext context, IUseCases useCases, string? done)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        var account = await useCases.InvokeAsync(context, "GET", $"/api/v1/accounts/{accountId}");
        if (!account.Succeeded) return Portal.Render<BusinessHome>(context, view, new { Refusal = account.Refusal }, account.Status);
        var business = account.As<AccountView>();
        if (business.Kind != AccountKinds.Business) return Results.Redirect($"/firms/{accountId}");
        return Portal.Render<BusinessHome>(context, view, new { Business = business, Done = done });
    }
}
