using Holded.Partners.Access.Grants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Access.Web;

/// <summary>What the confirmation shows: the firm's requests waiting for this client, each with its new expiry.</summary>
/// <param name="FirmName">The firm as the client knows it (its collaboration's name), not its legal name.</param>
public sealed record FirmExtensionsModel(Guid AccountId, Guid PartnerAccountId, IReadOnlyList<PendingExtensionView> Pending, string? FirmName);

/// <summary>
/// The client approves every extension a firm asked for, in one go (POST /api/v1/clients/{id}/extension-requests/approve):
/// a confirmation that lists what each approval moves, then the approval on its own POST, back to "Mi asesoría".
/// </summary>
public static class FirmExtensionsPage
{
    public const string Route = "/businesses/{accountId}/advisors/extensions/approve";

    public static string PathOf(Guid business, Guid firm) => $"/businesses/{business}/advisors/extensions/approve?firm={firm}";

    [AllowAnonymous] // the page reads its own cookie identity; the use cases decide
    [WolverineGet(Route)]
    public static async Task<IResult> Confirm(Guid accountId, Guid? firm, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (firm is not { } partner) return Render(context, view, null, PageRefusals.NotFound("firm"), StatusCodes.Status404NotFound);
        var (model, refusal, status) = await ReadAsync(context, useCases, accountId, partner);
        return Render(context, view, model, refusal, status);
    }

    [AllowAnonymous]
    [WolverinePost(Route)]
    public static async Task<IResult> Approve(Guid accountId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        Guid? firm = Guid.TryParse(form["firm"], out var f) ? f : null;
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/clients/{accountId}/extension-requests/approve", new ApproveFirmExtensions(firm));
        if (answer.Succeeded)
            return Results.Redirect($"/businesses/{accountId}/advisors?done=extensions-approved&count={answer.As<ExtensionsApproved>().Extended.Count}");
        var (model, _, _) = firm is { } partner ? await ReadAsync(context, useCases, accountId, partner) : (null, null, 0);
        return Render(context, view, model, answer.Refusal, answer.Status);
    }

    private static async Task<(FirmExtensionsModel?, Refusal?, int)> ReadAsync(HttpContext context, IUseCases useCases, Guid accountId, Guid firm)
    {
        var list = await useCases.InvokeAsync(context, "GET", $"/api/v1/clients/{accountId}/extension-requests?partnerAccountId={firm}");
        if (!list.Succeeded) return (null, list.Refusal, list.Status);
        var pending = list.As<List<PendingExtensionView>>();
        var named = pending.Count > 0 ? await CollaborationRead.LoadAsync(useCases, context, pending[0].CollaborationId) : null;
        return (new FirmExtensionsModel(accountId, firm, pending, named?.PartnerName ?? pending.FirstOrDefault()?.PartnerName), null, StatusCodes.Status200OK);
    }

    private static IResult Render(HttpContext context, PortalView view, FirmExtensionsModel? model, Refusal? refusal, int status) =>
        Portal.Render<FirmExtensionsConfirm>(context, view, new { Model = model, Refusal = refusal }, status);
}
