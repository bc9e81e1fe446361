using Holded.Partners.Onboarding.Program;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Onboarding.Web;

/// <summary>The reviewers' queue of partner applications: approve, or reject with a reason after a confirmation form.</summary>
public static class StaffApplicationsPage
{
    public const string Path = "/staff/applications";

    [AllowAnonymous]
    [WolverineGet(Path)]
    public static async Task<IResult> Get(HttpContext context, IUseCases useCases, string? done)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        return await Queue(context, useCases, view, null, done, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost(Path + "/{applicationId}/approve")]
    public static async Task<IResult> Approve(Guid applicationId, HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is null) return Portal.StaleForm();
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/partner-applications/{applicationId}/approve");
        return answer.Succeeded
            ? Results.Redirect($"{Path}?done=approved")
            : await Queue(context, useCases, await Portal.ViewAsync(context), answer.Refusal, null, answer.Status);
    }

    [AllowAnonymous]
    [WolverineGet(Path + "/{applicationId}/reject")]
    public static async Task<IResult> ConfirmReject(Guid applicationId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        return await RejectForm(context, useCases, view, applicationId, null, null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost(Path + "/{applicationId}/reject")]
    public static async Task<IResult> Reject(Guid applicationId, HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var reason = UsersPage.Value(form, "reason");
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/partner-applications/{applicationId}/reject", new RejectApplication(reason));
        return answer.Succeeded
            ? Results.Redirect($"{Path}?done=rejected")
            : await RejectForm(context, useCases, await Portal.ViewAsync(context), applicationId, reason, answer.Refusal, answer.Status);
    }

    private static async Task<IResult> Queue(HttpContext context, IUseCases useCases, PortalView view, Refusal? refusal, string? done, int status)
    {
        var queue = await useCases.InvokeAsync(context, "GET", "/api/v1/partner-applications?status=pending&scope=all&pageSize=100");
        return queue.Succeeded
            ? Portal.Render<StaffApplications>(context, view, new { Pending = queue.As<Page<PartnerApplicationView>>(), Refusal = refusal, Done = done }, status)
            : Portal.Render<StaffApplications>(context, view, new { Refusal = queue.Refusal }, queue.Status);
    }

    private static async Task<IResult> RejectForm(HttpContext context, IUseCases useCases, PortalView view, Guid applicationId, string? reason, Refusal? refusal, int status)
    {
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/partner-applications/{applicationId}");
        return read.Succeeded
            ? Portal.Render<RejectApplicationConfirm>(context, view, new { Application = read.As<PartnerApplicationView>(), Reason = reason, Refusal = refusal }, status)
            : Portal.Render<RejectApplicationConfirm>(context, view, new { Refusal = read.Refusal }, read.Status);
    }
}
