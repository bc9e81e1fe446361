using Holded.Partners.Collaboration.Collaborations;
using Holded.Partners.Collaboration.PendingWork;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Collaboration.Web;

/// <summary>What step 10 shows: the collaboration, its visible pending work, and where the ERP is.</summary>
public sealed record PendingWorkModel(CollaborationView Collaboration, CollaborationPendingWork Work, ErpOptions Erp, string? Done);

/// <summary>
/// Step 10, the firm's pending tasks for one client: per section the client shares and the member may read (the API
/// decides which; the rest is simply not in its answer), the count, the items, "Ir a …" to the ERP's deep link, and
/// "Completar" where the member may write (POST /api/v1/collaborations/{id}/pending-work/{section}/items/{itemId}/complete).
/// </summary>
public static class PendingWorkPage
{
    public static string PathOf(Guid collaborationId) => $"/collaborations/{collaborationId}/work";

    [AllowAnonymous] // the page reads its own cookie identity; the use cases decide
    [WolverineGet("/collaborations/{collaborationId}/work")]
    public static async Task<IResult> Get(Guid collaborationId, string? done, HttpContext context, IUseCases useCases, IOptions<ErpOptions> erp)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        var (model, refusal) = await ReadAsync(context, useCases, erp.Value, collaborationId, done);
        return await Render(context, model, refusal, model is null ? refusal!.Status : StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/collaborations/{collaborationId}/work/{section}/items/{itemId}/complete")]
    public static async Task<IResult> Complete(Guid collaborationId, string section, string itemId, HttpContext context, IUseCases useCases, IOptions<ErpOptions> erp)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is null) return Portal.StaleForm();
        var answer = await useCases.InvokeAsync(context, "POST",
            $"/api/v1/collaborations/{collaborationId}/pending-work/{Uri.EscapeDataString(section)}/items/{Uri.EscapeDataString(itemId)}/complete");
        if (answer.Succeeded) return Results.Redirect(PathOf(collaborationId) + "?done=completed"); // post/redirect/get
        var (model, refusal) = await ReadAsync(context, useCases, erp.Value, collaborationId, null);
        return await Render(context, model, answer.Refusal ?? refusal, answer.Status);
    }

    private static async Task<(PendingWorkModel?, Refusal?)> ReadAsync(HttpContext context, IUseCases useCases, ErpOptions erp, Guid collaborationId, string? done)
    {
        var work = await useCases.InvokeAsync(context, "GET", $"/api/v1/collaborations/{collaborationId}/pending-work");
        if (!work.Succeeded) return (null, work.Refusal);
        var collaboration = await useCases.InvokeAsync(context, "GET", $"/api/v1/collaborations/{collaborationId}");
        if (!collaboration.Succeeded) return (null, collaboration.Refusal);
        return (new PendingWorkModel(collaboration.As<CollaborationView>(), work.As<CollaborationPendingWork>(), erp, done), null);
    }

    private static async Task<IResult> Render(HttpContext context, PendingWorkModel? model, Refusal? refusal, int status) =>
        Portal.Render<PendingWorkList>(context, await Portal.ViewAsync(context, model?.Collaboration.PartnerAccountId),
            new { Model = model, Refusal = refusal }, status);
}
