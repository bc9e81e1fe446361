using Holded.Partners.Access.JustInTime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Access.Web;

/// <summary>
/// "Acceso temporal" on the firm's side: a member asks for temporary access to a client they do not manage (reason,
/// sections within the grant, duration); the firm's administrators approve or decline; either ends access in force.
/// Every read and write is the API's own (/api/v1/partners/{id}/just-in-time, /api/v1/collaborations/{id}/just-in-time,
/// /api/v1/just-in-time/{id}/…).
/// </summary>
public static class FirmJustInTimePage
{
    public static string PathOf(Guid accountId) => $"/firms/{accountId}/just-in-time";

    /// <summary>The durations offered, in hours: from one hour to seven days (the API's bounds).</summary>
    public static readonly int[] Durations = [1, 2, 4, 8, 24, 48, 72, 168];

    [AllowAnonymous] // the page reads its own cookie identity; the use cases decide
    [WolverineGet("/firms/{accountId}/just-in-time")]
    public static async Task<IResult> Get(Guid accountId, string? done, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        return await RenderAsync(context, useCases, view, accountId, done, null, null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/firms/{accountId}/just-in-time/ask/{collaborationId}")]
    public static async Task<IResult> Ask(Guid accountId, Guid collaborationId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var typed = new JustInTimeTyped(collaborationId, form["reason"].ToString(), [.. form["sections"].Select(s => s ?? "")], form["hours"].ToString());
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/collaborations/{collaborationId}/just-in-time",
            new RequestJustInTime(typed.Reason, [.. typed.Sections], int.TryParse(typed.Hours, out var hours) ? hours : null));
        if (answer.Succeeded) return Results.Redirect(PathOf(accountId) + "?done=asked");
        return await RenderAsync(context, useCases, view, accountId, null, answer.Refusal, typed, answer.Status);
    }

    /// <summary>
    /// "Entrar en la cuenta" with access in force: the same session the API opens for an assigned manager, holding only
    /// the sections asked for until the access ends.
    /// </summary>
    [AllowAnonymous]
    [WolverinePost("/firms/{accountId}/just-in-time/{requestId}/enter")]
    public static async Task<IResult> Enter(Guid accountId, Guid requestId, HttpContext context, IUseCases useCases,
        Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is null) return Portal.StaleForm();
        var request = await useCases.InvokeAsync(context, "GET", $"/api/v1/just-in-time/{requestId}");
        var answer = request.Succeeded
            ? await useCases.InvokeAsync(context, "POST", "/api/v1/access/sessions", new Sessions.OpenSession(request.As<JustInTimeView>().ClientAccountId))
            : request;
        if (answer.Succeeded) return AccessSessionPage.HandOff(context, protection, answer.As<Sessions.SessionTicket>());
        return await RenderAsync(context, useCases, view, accountId, null, answer.Refusal, null, answer.Status);
    }

    [AllowAnonymous]
    [WolverinePost("/firms/{accountId}/just-in-time/{requestId}/{verb}")]
    public static Task<IResult> Answer(Guid accountId, Guid requestId, string verb, HttpContext context, IUseCases useCases) =>
        JustInTimeAnswer.PostAsync(context, useCases, accountId, requestId, verb, PathOf(accountId),
            (view, refusal, status) => RenderAsync(context, useCases, view, accountId, null, refusal, null, status));

    private static async Task<IResult> RenderAsync(HttpContext context, IUseCases useCases, PortalView view, Guid accountId, string? done,
        Refusal? refusal, JustInTimeTyped? typed, int status)
    {
        var board = await useCases.InvokeAsync(context, "GET", $"/api/v1/partners/{accountId}/just-in-time?pageSize=50");
        return Portal.Render<FirmJustInTimeBoard>(context, view, new
        {
            AccountId = accountId, Done = done, Typed = typed,
            Board = board.Succeeded ? board.As<FirmJustInTime>() : null, Refusal = refusal ?? board.Refusal,
        }, board.Succeeded ? status : board.Status);
    }
}

/// <summary>
/// "Acceso temporal" on the client's side: its owners and admins choose whether they approve requests too, approve or
/// decline those waiting for them, and end access in force; every member sees who asked for what.
/// </summary>
public static class ClientJustInTimePage
{
    public static string PathOf(Guid accountId) => $"/businesses/{accountId}/just-in-time";

    [AllowAnonymous]
    [WolverineGet("/businesses/{accountId}/just-in-time")]
    public static async Task<IResult> Get(Guid accountId, string? done, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        return await RenderAsync(context, useCases, view, accountId, done, null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/businesses/{accountId}/just-in-time/policy")]
    public static async Task<IResult> SetPolicy(Guid accountId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var answer = await useCases.InvokeAsync(context, "PUT", $"/api/v1/clients/{accountId}/just-in-time-policy",
            new SetJustInTimePolicy(form["requireClientApproval"].ToString() == "true"));
        if (answer.Succeeded) return Results.Redirect(PathOf(accountId) + "?done=policy");
        return await RenderAsync(context, useCases, view, accountId, null, answer.Refusal, answer.Status);
    }

    [AllowAnonymous]
    [WolverinePost("/businesses/{accountId}/just-in-time/{requestId}/{verb}")]
    public static Task<IResult> Answer(Guid accountId, Guid requestId, string verb, HttpContext context, IUseCases useCases) =>
        JustInTimeAnswer.PostAsync(context, useCases, accountId, requestId, verb, PathOf(accountId),
            (view, refusal, status) => RenderAsync(context, useCases, view, accountId, null, refusal, status));

    private static async Task<IResult> RenderAsync(HttpContext context, IUseCases useCases, PortalView view, Guid accountId, string? done, Refusal? refusal, int status)
    {
        var requests = await useCases.InvokeAsync(context, "GET", $"/api/v1/clients/{accountId}/just-in-time?pageSize=50");
        var policy = await useCases.InvokeAsync(context, "GET", $"/api/v1/clients/{accountId}/just-in-time-policy");
        return Portal.Render<ClientJustInTimeBoard>(context, view, new
        {
            AccountId = accountId, Done = done,
            Requests = requests.Succeeded ? requests.As<Page<JustInTimeView>>() : null,
            Policy = policy.Succeeded ? policy.As<JustInTimePolicyView>() : null,
            Refusal = refusal ?? requests.Refusal,
        }, requests.Succeeded ? status : requests.Status);
    }
}

public static class JustInTimeVerbs
{
    public static readonly IReadOnlyList<string> All = ["approve", "decline", "end"];
}

/// <summary>What was typed in a request form that the API refused, to show it again.</summary>
public sealed record JustInTimeTyped(Guid CollaborationId, string Reason, IReadOnlyList<string> Sections, string Hours);

/// <summary>
/// Approve, decline or end, from either side's page: the same use case, whoever asks (it decides who may); a refusal
/// shows the asking page again with it.
/// </summary>
internal static class JustInTimeAnswer
{
    public static async Task<IResult> PostAsync(HttpContext context, IUseCases useCases, Guid accountId, Guid requestId, string verb,
        string page, Func<PortalView, Refusal?, int, Task<IResult>> again)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is null) return Portal.StaleForm();
        if (!JustInTimeVerbs.All.Contains(verb)) return Results.NotFound();
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/just-in-time/{requestId}/{verb}");
        if (answer.Succeeded) return Results.Redirect(page + $"?done={verb}");
        return await again(view, answer.Refusal, answer.Status);
    }
}
