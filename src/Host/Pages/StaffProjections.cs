using Holded.Partners.Host.Operations;
using Holded.Partners.Kernel;
using Holded.Partners.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Holded.Partners.Host.Pages;

/// <summary>
/// /staff/projections, for operators: each read model's position, lag and state (GET /api/v1/admin/projections), and a
/// rebuild of an asynchronous one through a confirmation (POST /api/v1/admin/projections/{name}/rebuild). Who may is the API's to decide.
/// </summary>
public static class StaffProjectionsPage
{
    public const string Path = "/staff/projections";

    [AllowAnonymous]
    [WolverineGet(Path)]
    public static async Task<IResult> List(HttpContext context, IUseCases useCases, string? done)
    {
        var rebuilt = context.Request.Query["name"].ToString();
        var seconds = double.TryParse(context.Request.Query["seconds"], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : (double?)null;
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        var answer = await useCases.InvokeAsync(context, "GET", "/api/v1/admin/projections");
        return Portal.Render<StaffProjections>(context, view, new
        {
            Projections = answer.Succeeded ? answer.As<IReadOnlyList<ProjectionStatus>>() : null, Refusal = answer.Refusal,
            Rebuilt = done == "rebuilt" && rebuilt.Length > 0 ? rebuilt : null, Seconds = seconds,
        }, answer.Status);
    }

    /// <summary>The confirmation: what a rebuild does, before it is done.</summary>
    [AllowAnonymous]
    [WolverineGet(Path + "/{projection}/rebuild")]
    public static async Task<IResult> Confirm(string projection, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        var answer = await useCases.InvokeAsync(context, "GET", "/api/v1/admin/projections");
        if (!answer.Succeeded) return Portal.Render<StaffProjections>(context, view, new { Refusal = answer.Refusal }, answer.Status);
        var found = answer.As<IReadOnlyList<ProjectionStatus>>().FirstOrDefault(p => p.Name == projection);
        return Portal.Render<RebuildProjectionConfirm>(context, view, new { Name = projection, Projection = found },
            found is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost(Path + "/{projection}/rebuild")]
    public static async Task<IResult> Rebuild(string projection, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is null) return Portal.StaleForm();
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/admin/projections/{Uri.EscapeDataString(projection)}/rebuild");
        if (answer.Succeeded)
            return Results.Redirect($"{Path}?done=rebuilt&name={Uri.EscapeDataString(projection)}&seconds={answer.As<ProjectionRebuilt>().Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return Portal.Render<RebuildProjectionConfirm>(context, view, new { Name = projection, Refusal = answer.Refusal }, answer.Status);
    }
}
