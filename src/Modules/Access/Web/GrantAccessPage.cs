using System.Globalization;
using Holded.Partners.Access.Catalog;
using Holded.Partners.Access.Grants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Access.Web;

/// <summary>
/// What the step 6 page shows: the collaboration, its grant as it is, the roles, the chosen role's preview, what was typed
/// (the expiry, and the renewal: <see cref="RenewEvery"/> null for none), and the firm's extension request waiting, if any.
/// </summary>
public sealed record GrantAccessModel(
    Guid AccountId, CollaborationRead Collaboration, GrantView Grant, IReadOnlyList<RoleDefinition> Roles, string? Role, GrantPreview? Preview,
    string? ExpiresOn, string? Done, string? RenewEvery = null, PendingExtensionView? Pending = null);

/// <summary>
/// Step 6 "Mi asesoría → Conceder acceso": the client chooses a role and sees, before saving, what the firm will be
/// able to do per section (the API's preview: the role capped by the plan, and why a section is out); an optional
/// expiry; the same form changes the role; "Quitar acceso" goes through a confirmation and leaves the collaboration on.
/// Every read and write is the API's own (GET/PUT/DELETE /api/v1/collaborations/{id}/access-grant).
/// </summary>
public static class GrantAccessPage
{
    public const string Route = "/businesses/{accountId}/advisors/{collaborationId}/access";

    public static string PathOf(Guid accountId, Guid collaborationId) => $"/businesses/{accountId}/advisors/{collaborationId}/access";

    [AllowAnonymous] // the page reads its own cookie identity; the use cases decide
    [WolverineGet(Route)]
    public static async Task<IResult> Get(Guid accountId, Guid collaborationId, string? role, string? done, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        var (model, refusal) = await ReadAsync(context, useCases, accountId, collaborationId, role, null, done);
        return Render(context, view, model, refusal, model is null ? refusal!.Status : refusal?.Status ?? StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost(Route)]
    public static async Task<IResult> Post(Guid accountId, Guid collaborationId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var (role, expiresOn) = (form["role"].ToString(), form["expiresOn"].ToString().Trim());
        // "No renewal", or "every N days": the days are sent only with that choice (the API bounds them).
        string? renewEvery = form["renewal"] == "every" ? form["renewEvery"].ToString().Trim() : null;
        var (read, refusal) = await ReadAsync(context, useCases, accountId, collaborationId, role, expiresOn, null);
        if (read is null) return Render(context, view, null, refusal, refusal!.Status);
        var model = read with { RenewEvery = renewEvery };

        // The browser's date field sends yyyy-MM-dd: access lasts to the end of that day (UTC, as the page says).
        DateTimeOffset? expires = null;
        if (expiresOn.Length > 0)
        {
            if (!DateOnly.TryParseExact(expiresOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return Render(context, view, model, Invalid("expiresAt", "must be a date (yyyy-mm-dd)."), StatusCodes.Status400BadRequest);
            expires = new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
            // The day shown is the grant's own expiry day: it stays as it is to the second (a renewal or an extension moves
            // it off the end of a day), or a change of role or renewal would move it, and withdraw a request waiting on it.
            if (model.Grant is { Status: GrantStatus.Active, ExpiresAt: { } current } && DateOnly.FromDateTime(current.UtcDateTime) == day) expires = current;
        }
        int? every = null;
        if (renewEvery is not null)
        {
            if (!int.TryParse(renewEvery, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
                return Render(context, view, model, Invalid("renewEvery", view.T("indica cada cuántos días se renueva.", "say every how many days it renews.")),
                    StatusCodes.Status400BadRequest);
            every = days;
        }
        var answer = await useCases.InvokeAsync(context, "PUT", $"/api/v1/collaborations/{collaborationId}/access-grant", new SetAccessGrant(role, expires, every));
        if (answer.Succeeded) return Results.Redirect(PathOf(accountId, collaborationId) + "?done=saved"); // post/redirect/get
        return Render(context, view, model, answer.Refusal, answer.Status);
    }

    /// <summary>The collaboration (of this client), its grant, the roles and the chosen role's preview; or why not.</summary>
    private static async Task<(GrantAccessModel?, Refusal?)> ReadAsync(HttpContext context, IUseCases useCases, Guid accountId, Guid collaborationId,
        string? role, string? expiresOn, string? done)
    {
        var grantRead = await useCases.InvokeAsync(context, "GET", $"/api/v1/collaborations/{collaborationId}/access-grant");
        if (!grantRead.Succeeded) return (null, grantRead.Refusal);
        var grant = grantRead.As<GrantView>();
        // The page is the client's: a collaboration of another account is not here.
        if (grant.ClientAccountId != accountId || await CollaborationRead.LoadAsync(useCases, context, collaborationId) is not { } collaboration)
            return (null, PageRefusals.NotFound("collaboration"));
        var roles = (await useCases.InvokeAsync(context, "GET", "/api/v1/access/roles")).As<List<RoleDefinition>>();
        var inForce = grant.Status == GrantStatus.Active;
        role = string.IsNullOrEmpty(role) ? inForce ? grant.Role : null : role;
        expiresOn ??= inForce ? grant.ExpiresAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        GrantPreview? preview = null;
        Refusal? refusal = null;
        if (role is not null)
        {
            var previewed = await useCases.InvokeAsync(context, "GET", $"/api/v1/collaborations/{collaborationId}/access-grant/preview?role={Uri.EscapeDataString(role)}");
            if (previewed.Succeeded) preview = previewed.As<GrantPreview>();
            else refusal = previewed.Refusal;
        }
        var renewEvery = inForce ? grant.RenewEvery?.ToString(CultureInfo.InvariantCulture) : null;
        return (new GrantAccessModel(accountId, collaboration, grant, roles, role, preview, expiresOn, done, renewEvery,
            await PendingAsync(context, useCases, grant)), refusal);
    }

    /// <summary>The firm's request waiting on this grant, as the client's list words it (with who asked), or none.</summary>
    private static async Task<PendingExtensionView?> PendingAsync(HttpContext context, IUseCases useCases, GrantView grant)
    {
        if (grant.PendingExtension is null) return null;
        var list = await useCases.InvokeAsync(context, "GET", $"/api/v1/clients/{grant.ClientAccountId}/extension-requests?partnerAccountId={grant.PartnerAccountId}");
        // Only the client's managers read the list (and answer): anyone else sees the request without its asker's name.
        var found = list.Succeeded ? list.As<List<PendingExtensionView>>().FirstOrDefault(p => p.CollaborationId == grant.CollaborationId) : null;
        return found ?? new PendingExtensionView(grant.CollaborationId, grant.PartnerAccountId, null, grant.Role ?? "", grant.ExpiresAt ?? default, grant.PendingExtension);
    }

    private static Refusal Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "Invalid", null, new Dictionary<string, string[]> { [field] = [message] }, []);

    private static IResult Render(HttpContext context, PortalView view, GrantAccessModel? model, Refusal? refusal, int status) =>
        Portal.Render<GrantAccessForm>(context, view, new { Model = model, Refusal = refusal }, status);

    // The firm's extension request: approved or declined in one click, each its own POST running the API's use case.

    [AllowAnonymous]
    [WolverinePost(Route + "/extension/{requestId}/approve")]
    public static Task<IResult> Approve(Guid accountId, Guid collaborationId, Guid requestId, HttpContext context, IUseCases useCases) =>
        AnswerAsync(accountId, collaborationId, requestId, "approve", context, useCases);

    [AllowAnonymous]
    [WolverinePost(Route + "/extension/{requestId}/decline")]
    public static Task<IResult> Decline(Guid accountId, Guid collaborationId, Guid requestId, HttpContext context, IUseCases useCases) =>
        AnswerAsync(accountId, collaborationId, requestId, "decline", context, useCases);

    private static async Task<IResult> AnswerAsync(Guid accountId, Guid collaborationId, Guid requestId, string answer, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is null) return Portal.StaleForm();
        var (model, refusal) = await ReadAsync(context, useCases, accountId, collaborationId, null, null, null);
        if (model is null) return Render(context, view, null, refusal, refusal!.Status);
        var answered = await useCases.InvokeAsync(context, "POST", $"/api/v1/collaborations/{collaborationId}/access-grant/extension-requests/{requestId}/{answer}");
        if (answered.Succeeded) return Results.Redirect(PathOf(accountId, collaborationId) + (answer == "approve" ? "?done=extended" : "?done=declined"));
        // Answered meanwhile (409) or too late (422): the page as it is now, with why.
        var (now, _) = await ReadAsync(context, useCases, accountId, collaborationId, null, null, null);
        return Render(context, view, now ?? model, answered.Refusal, answered.Status);
    }

    // "Quitar acceso": a confirmation that says what the firm loses, then the removal on its own POST.

    [AllowAnonymous]
    [WolverineGet(Route + "/remove")]
    public static async Task<IResult> ConfirmRemoval(Guid accountId, Guid collaborationId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        var (model, refusal) = await ReadAsync(context, useCases, accountId, collaborationId, null, null, null);
        return Portal.Render<RemoveAccessConfirm>(context, view, new { Model = model, Refusal = refusal }, model is null ? refusal!.Status : StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost(Route + "/remove")]
    public static async Task<IResult> Remove(Guid accountId, Guid collaborationId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is null) return Portal.StaleForm();
        var (model, refusal) = await ReadAsync(context, useCases, accountId, collaborationId, null, null, null);
        if (model is null) return Portal.Render<RemoveAccessConfirm>(context, view, new { Model = model, Refusal = refusal }, refusal!.Status);
        var answer = await useCases.InvokeAsync(context, "DELETE", $"/api/v1/collaborations/{collaborationId}/access-grant");
        if (answer.Succeeded) return Results.Redirect(PathOf(accountId, collaborationId) + "?done=removed");
        return Portal.Render<RemoveAccessConfirm>(context, view, new { Model = model, Refusal = answer.Refusal }, answer.Status);
    }
}
