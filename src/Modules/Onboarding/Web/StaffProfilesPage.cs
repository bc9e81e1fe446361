using Holded.Partners.Onboarding.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Onboarding.Web;

/// <summary>
/// The reviewers' queue of profile revisions, and one revision against the live one it would replace
/// (GET /api/v1/profile-reviews/{id}): approve, or reject with a reason.
/// </summary>
public static class StaffProfilesPage
{
    public const string Path = "/staff/profiles";

    [AllowAnonymous]
    [WolverineGet(Path)]
    public static async Task<IResult> Get(HttpContext context, IUseCases useCases, string? done)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        var queue = await useCases.InvokeAsync(context, "GET", "/api/v1/profile-reviews?pageSize=100");
        return queue.Succeeded
            ? Portal.Render<StaffProfiles>(context, view, new { Pending = queue.As<Page<ProfileReview>>(), Done = done })
            : Portal.Render<StaffProfiles>(context, view, new { Refusal = queue.Refusal }, queue.Status);
    }

    [AllowAnonymous]
    [WolverineGet(Path + "/{revisionId}")]
    public static async Task<IResult> Revision(Guid revisionId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        return await Detail(context, useCases, view, revisionId, null, null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost(Path + "/{revisionId}/approve")]
    public static Task<IResult> Approve(Guid revisionId, HttpContext context, IUseCases useCases) =>
        Decide(revisionId, context, useCases, "approve", _ => null, "approved");

    [AllowAnonymous]
    [WolverinePost(Path + "/{revisionId}/reject")]
    public static Task<IResult> Reject(Guid revisionId, HttpContext context, IUseCases useCases) =>
        Decide(revisionId, context, useCases, "reject", form => UsersPage.Value(form, "reason"), "rejected");

    private static async Task<IResult> Decide(Guid revisionId, HttpContext context, IUseCases useCases, string decision,
        Func<IFormCollection, string?> reasonOf, string done)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var reason = reasonOf(form);
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/profile-reviews/{revisionId}/{decision}",
            decision == "reject" ? new RejectRevision(reason) : null);
        return answer.Succeeded
            ? Results.Redirect($"{Path}?done={done}")
            : await Detail(context, useCases, await Portal.ViewAsync(context), revisionId, reason, answer.Refusal, answer.Status);
    }

    private static async Task<IResult> Detail(HttpContext context, IUseCases useCases, PortalView view, Guid revisionId, string? reason, Refusal? refusal, int status)
    {
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/profile-reviews/{revisionId}");
        return read.Succeeded
            ? Portal.Render<StaffProfileReview>(context, view, new { Detail = read.As<ProfileReviewDetail>(), Reason = reason, Refusal = refusal }, status)
            : Portal.Render<StaffProfileReview>(context, view, new { Refusal = read.Refusal }, read.Status);
    }
}
