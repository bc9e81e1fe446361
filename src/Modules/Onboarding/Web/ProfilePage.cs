using Holded.Partners.Onboarding.Accounts;
using Holded.Partners.Onboarding.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Onboarding.Web;

/// <summary>
/// Step 3 "Completar perfil": the draft saved with PUT /api/v1/partners/{id}/profile, sent to review with
/// POST .../profile/submit; the revision's status, and the live profile beside the change in review.
/// </summary>
public static class ProfilePage
{
    [AllowAnonymous]
    [WolverineGet("/firms/{accountId}/profile")]
    public static async Task<IResult> Get(Guid accountId, HttpContext context, IUseCases useCases, string? done)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        return await Render(context, useCases, view, accountId, null, null, done, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/firms/{accountId}/profile")]
    public static async Task<IResult> Post(Guid accountId, HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var command = CommandFrom(form);
        var api = $"/api/v1/partners/{accountId}/profile";
        var saved = await useCases.InvokeAsync(context, "PUT", api, command);
        if (!saved.Succeeded)
            return await Render(context, useCases, await Portal.ViewAsync(context, accountId), accountId, command, saved.Refusal, null, saved.Status);
        if (form["action"] != "submit") return Results.Redirect($"/firms/{accountId}/profile?done=saved");

        var submitted = await useCases.InvokeAsync(context, "POST", $"{api}/submit");
        if (submitted.Succeeded) return Results.Redirect($"/firms/{accountId}/profile?done=submitted");
        // The draft is saved; only sending it to review was refused: the saved draft again, with the rules broken.
        return await Render(context, useCases, await Portal.ViewAsync(context, accountId), accountId, null, submitted.Refusal, "saved", submitted.Status);
    }

    private static async Task<IResult> Render(HttpContext context, IUseCases useCases, PortalView view, Guid accountId,
        EditProfile? sent, Refusal? refusal, string? done, int status)
    {
        var account = await useCases.InvokeAsync(context, "GET", $"/api/v1/accounts/{accountId}");
        if (!account.Succeeded) return Portal.Render<ProfileForm>(context, view, new { Refusal = account.Refusal }, account.Status);
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/partners/{accountId}/profile"); // 404 until the first draft
        var profile = read.Succeeded ? read.As<ProfileView>() : null;
        return Portal.Render<ProfileForm>(context, view, new
        {
            Firm = account.As<AccountView>(), Profile = profile,
            Draft = sent is null ? profile?.Draft : ProfileInput.ToContent(sent),
            Version = sent?.ExpectedVersion ?? profile?.Version ?? 0,
            Refusal = refusal, Done = done,
        }, status);
    }

    // The form's fields carry the API's names; an empty field is a value not given; credentials are one per line.
    private static EditProfile CommandFrom(IFormCollection form)
    {
        string? Value(string name) => form[name].ToString() is { Length: > 0 } v ? v : null;
        string[] All(string name) => [.. form[name].OfType<string>().Where(v => v.Length > 0)];
        return new EditProfile(Value("displayName"), Value("description"), All("services"), All("sectors"), All("provinces"),
            All("languages"), int.TryParse(Value("teamSize"), out var size) ? size : null, Value("website"), Value("contactEmail"),
            Value("contactPhone"), Value("logoUrl"),
            [.. (Value("credentials") ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            long.TryParse(Value("expectedVersion"), out var version) ? version : null);
    }
}
