using Holded.Partners.Onboarding.Accounts;
using Holded.Partners.Onboarding.Profiles;
using Holded.Partners.Onboarding.Program;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Onboarding.Web;

/// <summary>
/// The firm's home, "Asesorías" (step 2): where the firm stands in the partner program — the admission conditions as
/// the API computes them, the application's status and a rejection's reason — and its profile's status.
/// </summary>
public static class FirmHomePage
{
    [AllowAnonymous]
    [WolverineGet("/firms/{accountId}")]
    public static async Task<IResult> Get(Guid accountId, HttpContext context, IUseCases useCases, string? done)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        var account = await useCases.InvokeAsync(context, "GET", $"/api/v1/accounts/{accountId}");
        if (!account.Succeeded) return Portal.Render<FirmHome>(context, view, new { Refusal = account.Refusal }, account.Status);
        var firm = account.As<AccountView>();
        if (firm.Kind != AccountKinds.Advisory) return Results.Redirect($"/businesses/{accountId}");

        var eligibility = (await useCases.InvokeAsync(context, "GET", $"/api/v1/accounts/{accountId}/program-eligibility")).As<ProgramEligibility>();
        var profile = firm.IsPartner ? await useCases.InvokeAsync(context, "GET", $"/api/v1/partners/{accountId}/profile") : null;
        return Portal.Render<FirmHome>(context, view, new
        {
            Firm = firm, Eligibility = eligibility, Profile = profile is { Succeeded: true } ? profile.As<ProfileView>() : null, Done = done,
        });
    }
}
