using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Collaboration.Collaborations;
using Holded.Partners.Collaboration.PendingWork;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Collaboration.Web;

/// <summary>GET /api/v1/clients/{id}/extension-requests, as much of it as "Mi asesoría" reads (the Access module owns it).</summary>
public sealed record ExtensionWaiting(Guid CollaborationId, Guid PartnerAccountId, DateTimeOffset ExpiresAt, ExtensionWaitingRequest Request);

public sealed record ExtensionWaitingRequest(Guid Id, DateTimeOffset ExpiresAt);

/// <summary>
/// "Mi asesoría": the client's collaborations (GET /api/v1/clients/{id}/collaborations), each with the way to "Conceder
/// acceso", and which sections' pending tasks its firms see (PUT /api/v1/clients/{id}/shared-sections, owners and admins).
/// </summary>
public static class AdvisorsPage
{
    [AllowAnonymous]
    [WolverineGet("/businesses/{accountId}/advisors")]
    public static async Task<IResult> Get(Guid accountId, string? status, int? page, string? done, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        return await Show(context, useCases, view, accountId, status, page, done, chosen: null, refusal: null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/businesses/{accountId}/advisors/shared-sections")]
    public static async Task<IResult> Share(Guid accountId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var chosen = form["sections"].OfType<string>().ToArray(); // none ticked: nothing is shared
        var answer = await useCases.InvokeAsync(context, "PUT", $"/api/v1/clients/{accountId}/shared-sections", new ShareSections(chosen));
        return answer.Succeeded
            ? Results.Redirect(Pages.Advisors(accountId) + "?done=shared#shared-sections")
            : await Show(context, useCases, view, accountId, null, null, null, chosen, answer.Refusal, answer.Status);
    }

    private static async Task<IResult> Show(HttpContext context, IUseCases useCases, PortalView view, Guid accountId, string? status, int? page,
        string? done, IReadOnlyList<string>? chosen, Refusal? refusal, int code)
    {
        var shown = status ?? CollaborationStatus.Active;
        var answer = await useCases.InvokeAsync(context, "GET", $"/api/v1/clients/{accountId}/collaborations" +
            Pages.Query(("status", shown), ("page", page)));
        if (!answer.Succeeded)
            return Portal.Render<AdvisorsList>(context, view, new { AccountId = accountId, Status = shown, Refusal = answer.Refusal }, answer.Status);
        // Only the client's owners and admins choose what is shared: for anyone else the API has no such list, and the form is not shown.
        var shared = await useCases.InvokeAsync(context, "GET", $"/api/v1/clients/{accountId}/shared-sections");
        // The firms' extension requests waiting for this client (the Access module's list; its managers alone read it).
        var waiting = await useCases.InvokeAsync(context, "GET", $"/api/v1/clients/{accountId}/extension-requests");
        return Portal.Render<AdvisorsList>(context, view, new
        {
            AccountId = accountId, Status = shown, Done = done, Collaborations = answer.As<Page<CollaborationView>>(),
            Shared = shared.Succeeded ? chosen ?? shared.As<SharedSections>().Sections : null, Refusal = refusal,
            Extensions = waiting.Succeeded ? waiting.As<List<ExtensionWaiting>>() : [],
            Count = int.TryParse(context.Request.Query["count"], out var count) ? count : (int?)null, // how many a bulk approval moved
        }, code);
    }
}
