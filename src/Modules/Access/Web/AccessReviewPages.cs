using System.Text;
using Holded.Partners.Access.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Access.Web;

/// <summary>
/// "Revisión de accesos": the firm's reviews (the open one, the record of past ones with their CSV) and the start of a
/// new one with its deadline, and the schedule that starts them by themselves; each review's lines with keep/remove per line, saved at once, and "Completar". Every read
/// and write is the API's own (/api/v1/partners/{id}/access-reviews, /api/v1/access-reviews/{id}...).
/// </summary>
public static class AccessReviewPages
{
    public static string ListPath(Guid accountId) => $"/firms/{accountId}/access-reviews";
    public static string ReviewPath(Guid accountId, Guid reviewId) => $"/firms/{accountId}/access-reviews/{reviewId}";

    [AllowAnonymous] // the page reads its own cookie identity; the use cases decide
    [WolverineGet("/firms/{accountId}/access-reviews")]
    public static async Task<IResult> List(Guid accountId, string? done, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        return await RenderList(context, useCases, view, accountId, done, null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/firms/{accountId}/access-reviews")]
    public static async Task<IResult> Start(Guid accountId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/partners/{accountId}/access-reviews", new StartAccessReview(Number(form["deadlineDays"])));
        if (answer.Succeeded) return Results.Redirect(ReviewPath(accountId, answer.Body!.Value.GetProperty("value").GetGuid()) + "?done=started");
        return await RenderList(context, useCases, view, accountId, null, answer.Refusal, answer.Status);
    }

    /// <summary>"Programar revisiones": every how many days one starts by itself and its deadline; "Quitar programación" stops it.</summary>
    [AllowAnonymous]
    [WolverinePost("/firms/{accountId}/access-reviews/schedule")]
    public static async Task<IResult> Schedule(Guid accountId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var stop = form["action"] == "stop";
        var command = new SetAccessReviewSchedule(stop ? null : Number(form["everyDays"]), stop ? null : Number(form["deadlineDays"]));
        var answer = await useCases.InvokeAsync(context, "PUT", $"/api/v1/partners/{accountId}/access-review-schedule", command);
        if (answer.Succeeded) return Results.Redirect(ListPath(accountId) + (stop ? "?done=unscheduled" : "?done=scheduled"));
        return await RenderList(context, useCases, view, accountId, null, null, answer.Status, answer.Refusal, command);
    }

    private static int? Number(string? value) => int.TryParse(value, out var n) ? n : null;

    private static async Task<IResult> RenderList(HttpContext context, IUseCases useCases, PortalView view, Guid accountId, string? done, Refusal? refusal, int status,
        Refusal? scheduleRefusal = null, SetAccessReviewSchedule? asked = null)
    {
        var listed = await useCases.InvokeAsync(context, "GET", $"/api/v1/partners/{accountId}/access-reviews?pageSize=100");
        if (!listed.Succeeded) return Portal.Render<AccessReviewsList>(context, view, new { AccountId = accountId, Refusal = listed.Refusal }, listed.Status);
        var schedule = await useCases.InvokeAsync(context, "GET", $"/api/v1/partners/{accountId}/access-review-schedule");
        return Portal.Render<AccessReviewsList>(context, view, new
        {
            AccountId = accountId, Reviews = listed.As<Page<ReviewSummary>>().Items, Schedule = schedule.Succeeded ? schedule.As<AccessReviewScheduleView>() : null, Asked = asked, Done = done,
            Refusal = refusal, ScheduleRefusal = scheduleRefusal,
        }, status);
    }

    [AllowAnonymous]
    [WolverineGet("/firms/{accountId}/access-reviews/{reviewId}")]
    public static async Task<IResult> Show(Guid accountId, Guid reviewId, string? done, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        return await RenderReview(context, useCases, view, accountId, reviewId, done, null, StatusCodes.Status200OK);
    }

    /// <summary>Every line chosen in the form, decided in one call: a radio left alone is no decision.</summary>
    [AllowAnonymous]
    [WolverinePost("/firms/{accountId}/access-reviews/{reviewId}/decisions")]
    public static async Task<IResult> Decide(Guid accountId, Guid reviewId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var decisions = form.Keys.Where(k => k.StartsWith("line-", StringComparison.Ordinal))
            .Select(k => new LineDecision(Guid.TryParse(k["line-".Length..], out var id) ? id : null, form[k].ToString())).ToList();
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/access-reviews/{reviewId}/decisions", new DecideReviewLines(decisions));
        if (answer.Succeeded) return Results.Redirect(ReviewPath(accountId, reviewId) + "?done=saved");
        return await RenderReview(context, useCases, view, accountId, reviewId, null, answer.Refusal, answer.Status);
    }

    [AllowAnonymous]
    [WolverinePost("/firms/{accountId}/access-reviews/{reviewId}/complete")]
    public static async Task<IResult> Complete(Guid accountId, Guid reviewId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is null) return Portal.StaleForm();
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/access-reviews/{reviewId}/complete");
        if (answer.Succeeded) return Results.Redirect(ReviewPath(accountId, reviewId) + "?done=completed");
        return await RenderReview(context, useCases, view, accountId, reviewId, null, answer.Refusal, answer.Status);
    }

    /// <summary>The record as CSV, from the API's own answer: the same columns as <c>Accept: text/csv</c> on the API.</summary>
    [AllowAnonymous]
    [WolverineGet("/firms/{accountId}/access-reviews/{reviewId}/record.csv")]
    public static async Task<IResult> Csv(Guid accountId, Guid reviewId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/access-reviews/{reviewId}");
        if (!read.Succeeded || read.As<AccessReview>() is not { } review || review.PartnerAccountId != accountId)
            return Portal.Render<AccessReviewPage>(context, view, new { AccountId = accountId, Refusal = read.Refusal ?? PageRefusals.NotFound("access review") },
                read.Succeeded ? StatusCodes.Status404NotFound : read.Status);
        return Results.File(Encoding.UTF8.GetBytes(ReviewCsv.Write(review, null)), "text/csv; charset=utf-8", $"access-review-{review.StartedAt:yyyy-MM-dd}.csv");
    }

    private static async Task<IResult> RenderReview(HttpContext context, IUseCases useCases, PortalView view, Guid accountId, Guid reviewId, string? done, Refusal? refusal, int status)
    {
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/access-reviews/{reviewId}");
        var review = read.Succeeded ? read.As<AccessReview>() : null;
        // The page is the firm's: a review of another firm is not here.
        if (review is not null && review.PartnerAccountId != accountId) (review, read) = (null, read with { Status = StatusCodes.Status404NotFound });
        if (review is null)
            return Portal.Render<AccessReviewPage>(context, view, new { AccountId = accountId, Refusal = read.Refusal ?? PageRefusals.NotFound("access review") },
                read.Status == StatusCodes.Status200OK ? StatusCodes.Status404NotFound : read.Status);
        return Portal.Render<AccessReviewPage>(context, view, new { AccountId = accountId, Review = review, Done = done, Refusal = refusal }, status);
    }
}
