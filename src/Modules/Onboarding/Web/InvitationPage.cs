using Holded.Partners.Onboarding.Accounts;
using Holded.Partners.Onboarding.Team;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Onboarding.Web;

/// <summary>The invited person reads the invitation and accepts it (POST /api/v1/invitations/{id}/accept), then lands in the account.</summary>
public static class InvitationPage
{
    [AllowAnonymous]
    [WolverineGet("/invitations/{invitationId}")]
    public static async Task<IResult> Get(Guid invitationId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        return await Render(context, useCases, view, invitationId, null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/invitations/{invitationId}")]
    public static async Task<IResult> Post(Guid invitationId, HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is null) return Portal.StaleForm();
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/invitations/{invitationId}/accept");
        if (!answer.Succeeded) return await Render(context, useCases, await Portal.ViewAsync(context), invitationId, answer.Refusal, answer.Status);
        var joined = answer.As<AcceptedInvitation>();
        var account = (await useCases.InvokeAsync(context, "GET", $"/api/v1/accounts/{joined.AccountId}")).As<AccountView>();
        return Results.Redirect(account.Kind == AccountKinds.Advisory ? $"/firms/{account.Id}?done=joined" : $"/businesses/{account.Id}?done=joined");
    }

    private static async Task<IResult> Render(HttpContext context, IUseCases useCases, PortalView view, Guid invitationId, Refusal? refusal, int status)
    {
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/invitations/{invitationId}");
        return read.Succeeded
            ? Portal.Render<InvitationCard>(context, view, new { Invitation = read.As<InvitationView>(), Refusal = refusal }, status)
            : Portal.Render<InvitationCard>(context, view, new { Refusal = read.Refusal }, read.Status);
    }
}
