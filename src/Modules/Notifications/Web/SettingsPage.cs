using Holded.Partners.Notifications.Settings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Holded.Partners.Notifications.Web;

/// <summary>
/// Step 7 in the browser: a firm member chooses which KPIs notify them and whether by email. The page runs the API's
/// own use case (<see cref="IUseCases"/>): it reads with GET and saves with PUT /api/v1/notification-settings, so what
/// is refused here is refused there, with the same words.
/// </summary>
public static class SettingsPage
{
    public const string Path = "/settings/notifications";
    private const string Api = "/api/v1/notification-settings";

    [AllowAnonymous] // the page reads its own cookie identity; the use case decides what the person may do
    [WolverineGet(Path)]
    public static async Task<IResult> Get(HttpContext context, IUseCases useCases, IAntiforgery antiforgery, bool? saved)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return SignIn(context);
        var answer = await useCases.InvokeAsync(context, "GET", Api);
        return answer.Succeeded
            ? Render(context, antiforgery, StatusCodes.Status200OK, answer.As<NotificationSettings>(), saved == true, null)
            : Render(context, antiforgery, answer.Status, null, false, answer.Refusal);
    }

    [AllowAnonymous]
    [WolverinePost(Path)]
    public static async Task<IResult> Post(HttpContext context, IUseCases useCases, IAntiforgery antiforgery)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return SignIn(context);
        if (!await antiforgery.IsRequestValidAsync(context))
            return Results.Problem(Problems.Forbidden("The form's antiforgery token is missing or wrong; reload the page."));
        var form = await context.Request.ReadFormAsync();
        // The page edits the defaults; the per-client overrides (the gear in the clients table) are kept as they are.
        var current = await useCases.InvokeAsync(context, "GET", Api);
        var clients = current.Succeeded ? current.As<NotificationSettings>().Clients : [];
        var command = new SetNotificationSettings(form["email"] == "true", [.. form["kpis"].OfType<string>()],
            [.. clients.Select(c => new ClientKpisInput(c.ClientAccountId, c.Kpis))]);
        var answer = await useCases.InvokeAsync(context, "PUT", Api, command);
        if (answer.Succeeded) return Results.Redirect($"{Path}?saved=true"); // after a write, a GET: a reload sends nothing twice
        // Refused: the form again as it was sent, with what was wrong.
        var sent = new NotificationSettings(Guid.Empty, "", command.Email ?? false, command.Kpis ?? [], clients);
        return Render(context, antiforgery, answer.Status, sent, false, answer.Refusal);
    }

    private static IResult SignIn(HttpContext context) =>
        Results.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));

    private static RazorComponentResult<SettingsForm> Render(HttpContext context, IAntiforgery antiforgery, int status,
        NotificationSettings? settings, bool saved, Refusal? refusal)
    {
        var language = Language.Of(context.Request);
        context.Response.Headers.Vary = "Accept-Language";
        context.Response.Headers.ContentLanguage = language;
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new RazorComponentResult<SettingsForm>(new
        {
            Language = language, Settings = settings, Saved = saved, Refusal = refusal,
            AntiforgeryField = tokens.FormFieldName, AntiforgeryToken = tokens.RequestToken,
        })
        {
            StatusCode = status, ContentType = "text/html; charset=utf-8",
        };
    }
}
