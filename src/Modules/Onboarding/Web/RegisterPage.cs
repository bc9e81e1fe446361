using Holded.Partners.Onboarding.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Onboarding.Web;

/// <summary>
/// Step 1 "Registrarse": a person chooses the kind of account, fills it in and registers it through POST /api/v1/accounts.
/// What the API refuses comes back beside each field, with everything typed kept.
/// </summary>
public static class RegisterPage
{
    public const string Path = "/register";

    [AllowAnonymous] // the page reads its own cookie identity; the use case decides
    [WolverineGet(Path)]
    public static async Task<IResult> Get(HttpContext context, string? kind)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is not { } person) return Portal.SignIn(context);
        var chosen = kind is AccountKinds.Advisory or AccountKinds.Business ? kind : null;
        var draft = new RegisterAccount(chosen, null, null, null, null, new ContactInput(person.Name, person.Email, null), null);
        return Portal.Render<RegisterForm>(context, view, new { Sent = draft });
    }

    [AllowAnonymous]
    [WolverinePost(Path)]
    public static async Task<IResult> Post(HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var command = CommandFrom(form);
        var answer = await useCases.InvokeAsync(context, "POST", "/api/v1/accounts", command);
        if (answer.Succeeded)
        {
            var id = answer.As<Created>().Value;
            return Results.Redirect(command.Kind == AccountKinds.Advisory ? $"/firms/{id}?done=registered" : $"/businesses/{id}?done=registered");
        }
        return Portal.Render<RegisterForm>(context, await Portal.ViewAsync(context), new { Sent = command, Refusal = answer.Refusal }, answer.Status);
    }

    // The form's fields carry the API's names; an empty field is a value not given.
    private static RegisterAccount CommandFrom(IFormCollection form)
    {
        string? Value(string name) => form[name].ToString() is { Length: > 0 } v ? v : null;
        var kind = Value("kind");
        return new RegisterAccount(kind,
            kind == AccountKinds.Advisory ? Value("advisoryType") : null,
            kind == AccountKinds.Business ? Value("plan") : null,
            Value("legalName"), Value("taxId"),
            new ContactInput(Value("contact.name"), Value("contact.email"), Value("contact.phone")),
            new AddressInput(Value("address.street"), Value("address.city"), Value("address.postalCode"), Value("address.province")));
    }

    private sealed record Created(Guid Value);
}
