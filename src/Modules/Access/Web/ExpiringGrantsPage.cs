using System.Globalization;
using Holded.Partners.Access.Grants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Access.Web;

/// <summary>What the firm's expiring-grants page shows: its grants expiring within the days chosen, and a refused ask, with what was typed.</summary>
public sealed record ExpiringGrantsModel(
    Guid AccountId, int Within, IReadOnlyList<ExpiringGrant> Grants, DateTimeOffset Now, string? Done,
    Guid? Failed = null, string? Days = null, string? Reason = null);

/// <summary>
/// Capability 5, the firm's side: its grants expiring soon (GET /api/v1/partners/{id}/expiring-grants), each with "ask for
/// an extension" (how many days longer, and why) running POST /api/v1/collaborations/{id}/access-grant/extension-requests.
/// The client answers on its grant page. Firm administrators only, as the API says.
/// </summary>
public static class ExpiringGrantsPage
{
    public const string Route = "/firms/{accountId}/expiring-grants";
    public static readonly int[] Windows = [30, 60, 90, 180, 365];

    public static string PathOf(Guid firm) => $"/firms/{firm}/expiring-grants";

    [AllowAnonymous] // the page reads its own cookie identity; the use cases decide
    [WolverineGet(Route)]
    public static async Task<IResult> Get(Guid accountId, int? within, string? done, HttpContext context, IUseCases useCases, TimeProvider clock)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        return await ShowAsync(context, useCases, view, new ExpiringGrantsModel(accountId, Window(within), [], clock.GetUtcNow(), done), null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost(Route + "/{collaborationId}/extension")]
    public static async Task<IResult> Ask(Guid accountId, Guid collaborationId, HttpContext context, IUseCases useCases, TimeProvider clock)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var (days, reason) = (form["days"].ToString().Trim(), form["reason"].ToString());
        var within = Window(int.TryParse(form["within"], NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : null);
        var model = new ExpiringGrantsModel(accountId, within, [], clock.GetUtcNow(), null, collaborationId, days, reason);

        // The API takes the wanted expiry; the firm thinks in "N days longer" than the grant's current expiry.
        var grant = await useCases.InvokeAsync(context, "GET", $"/api/v1/collaborations/{collaborationId}/access-grant");
        if (!grant.Succeeded) return await ShowAsync(context, useCases, view, model, grant.Refusal, grant.Status);
        if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var longer) || longer < 1)
            return await ShowAsync(context, useCases, view, model, Invalid("expiresAt", view.T("indica cuántos días más (uno o más).", "say how many days longer (one or more).")),
                StatusCodes.Status400BadRequest);
        var wanted = grant.As<GrantView>().ExpiresAt?.AddDays(longer);
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/collaborations/{collaborationId}/access-grant/extension-requests",
            new RequestGrantExtension(wanted, string.IsNullOrWhiteSpace(reason) ? null : reason));
        if (answer.Succeeded) return Results.Redirect(PathOf(accountId) + $"?within={within}&done=asked#grant-{collaborationId}"); // post/redirect/get
        return await ShowAsync(context, useCases, view, model, answer.Refusal, answer.Status);
    }

    /// <summary>Days "within" as the API bounds them; a value the page does not offer is the nearest it does.</summary>
    private static int Window(int? within) => within is { } d ? Windows.FirstOrDefault(x => x >= d, Windows[^1]) : Windows[0];

    private static async Task<IResult> ShowAsync(HttpContext context, IUseCases useCases, PortalView view, ExpiringGrantsModel model, Refusal? refusal, int status)
    {
        var list = await useCases.InvokeAsync(context, "GET", $"/api/v1/partners/{model.AccountId}/expiring-grants?withinDays={model.Within}");
        if (!list.Succeeded) return Portal.Render<ExpiringGrantsList>(context, view, new { Model = (ExpiringGrantsModel?)null, Refusal = list.Refusal }, list.Status);
        return Portal.Render<ExpiringGrantsList>(context, view, new { Model = model with { Grants = list.As<List<ExpiringGrant>>() }, Refusal = refusal }, status);
    }

    private static Refusal Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "Invalid", null, new Dictionary<string, string[]> { [field] = [message] }, []);
}
