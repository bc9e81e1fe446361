using Holded.Partners.Notifications.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Notifications.Web;

/// <summary>
/// Step 7, the gear in the last column of the clients table: which KPIs notify this member for one client. The page
/// reads the collaboration (GET /api/v1/collaborations/{id}) for whom it is about, and saves the member's settings with
/// PUT /api/v1/notification-settings, keeping the general choices and every other client's as they are.
/// </summary>
public static class ClientNotificationsPage
{
    private const string Api = "/api/v1/notification-settings";
    public static string PathFor(Guid firm, Guid collaboration) => $"/firms/{firm}/clients/{collaboration}/notifications";

    [AllowAnonymous]
    [WolverineGet("/firms/{accountId}/clients/{collaborationId}/notifications")]
    public static async Task<IResult> Get(Guid accountId, Guid collaborationId, bool? saved, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        var client = await useCases.InvokeAsync(context, "GET", $"/api/v1/collaborations/{collaborationId}");
        if (!client.Succeeded) return Render(context, view, accountId, null, null, false, client.Refusal, client.Status);
        var settings = await useCases.InvokeAsync(context, "GET", Api);
        return settings.Succeeded
            ? Render(context, view, accountId, client.As<ClientOfFirm>(), settings.As<NotificationSettings>(), saved == true, null, StatusCodes.Status200OK)
            : Render(context, view, accountId, client.As<ClientOfFirm>(), null, false, settings.Refusal, settings.Status);
    }

    [AllowAnonymous]
    [WolverinePost("/firms/{accountId}/clients/{collaborationId}/notifications")]
    public static async Task<IResult> Post(Guid accountId, Guid collaborationId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/collaborations/{collaborationId}");
        if (!read.Succeeded) return Render(context, view, accountId, null, null, false, read.Refusal, read.Status);
        var client = read.As<ClientOfFirm>();
        var current = await useCases.InvokeAsync(context, "GET", Api);
        if (!current.Succeeded) return Render(context, view, accountId, client, null, false, current.Refusal, current.Status);
        var settings = current.As<NotificationSettings>();

        // This client's choice replaces its own entry (or, back to the general choice, removes it); the rest stays.
        var own = form["choice"] == "own";
        var kpis = own ? form["kpis"].OfType<string>().ToArray() : null;
        var others = settings.Clients.Where(c => c.ClientAccountId != client.ClientAccountId).Select(c => new ClientKpisInput(c.ClientAccountId, c.Kpis));
        var command = new SetNotificationSettings(settings.Email, settings.Kpis,
            [.. others, .. kpis is null ? [] : new[] { new ClientKpisInput(client.ClientAccountId, kpis) }]);
        var answer = await useCases.InvokeAsync(context, "PUT", Api, command);
        if (answer.Succeeded) return Results.Redirect(PathFor(accountId, collaborationId) + "?saved=true");
        var sent = settings with { Clients = [.. settings.Clients.Where(c => c.ClientAccountId != client.ClientAccountId),
            .. kpis is null ? [] : new[] { new ClientKpis(client.ClientAccountId, kpis) }] };
        return Render(context, view, accountId, client, sent, false, answer.Refusal, answer.Status);
    }

    private static IResult Render(HttpContext context, PortalView view, Guid firm, ClientOfFirm? client, NotificationSettings? settings, bool saved,
        Refusal? refusal, int status) =>
        Portal.Render<ClientNotificationsForm>(context, view, new { Firm = firm, Client = client, Settings = settings, Saved = saved, Refusal = refusal }, status);
}

/// <summary>The collaboration as GET /api/v1/collaborations/{id} answers it, as much as the gear's page reads: whom it is about.</summary>
public sealed record ClientOfFirm(Guid Id, Guid ClientAccountId, string ClientName, Guid PartnerAccountId, string PartnerName);
