using Holded.Partners.Notifications.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

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
    public static async Task<IResult> Get(HttpContext context, IUseCases useCases, bool? saved)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        var answer = await useCases.InvokeAsync(context, "GET", Api);
        return answer.Succeeded
            ? await Render(context, StatusCodes.Status200OK, answer.As<NotificationSettings>(), saved == true, null)
            : await Render(context, answer.Status, null, false, answer.Refusal);
    }

    [AllowAnonymous]
    [WolverinePost(Path)]
    public static async Task<IResult> Post(HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        // The page edits the defaults; the per-client overrides (the gear in the clients table) are kept as they are.
        var current = await useCases.InvokeAsync(context, "GET", Api);
        var clients = current.Succeeded ? current.As<NotificationSettings>().Clients : [];
        var command = new SetNotificationSettings(form["email"] == "true", [.. form["kpis"].OfType<string>()],
            [.. clients.Select(c => new ClientKpisInput(c.ClientAccountId, c.Kpis))]);
        var answer = await useCases.InvokeAsync(context, "PUT", Api, command);
        if (answer.Succeeded) return Results.Redirect($"{Path}?saved=true"); // after a write, a GET: a reload sends nothing twice
        // Refused: the form again as it was sent, with what was wrong.
        var sent = new NotificationSettings(Guid.Empty, "", command.Email ?? false, command.Kpis ?? [], clients);
        return await Render(context, answer.Status, sent, false, answer.Refusal);
    }

    private static async Task<IResult> Render(HttpContext context, int status, NotificationSettings? settings, bool saved, Refusal? refusal) =>
        Portal.Render<SettingsForm>(context, await Portal.ViewAsync(context), new { Settings = settings, Saved = saved, Refusal = refusal }, status);
}
