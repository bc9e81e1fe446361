using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Holded.Partners.Kernel.Web;

/// <summary>
/// How a portal page is answered: the person from the pages' cookie, their memberships from the API's own GET /me (run
/// in-process by <see cref="IUseCases"/>), the page rendered by its Razor component inside <see cref="PortalShell"/>.
/// Pages never decide a rule: they run the API's use cases and show what those answered.
/// </summary>
public static class Portal
{
    public const string Home = "/portal";

    /// <param name="accountId">The account the page is about, when it is one of the person's; it chooses the navigation.</param>
    public static async Task<PortalView> ViewAsync(HttpContext context, Guid? accountId = null)
    {
        var language = Language.Of(context.Request);
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var person = await PersonAsync(context);
        var account = person?.Accounts.FirstOrDefault(a => a.AccountId == accountId);
        return new PortalView(language, context.Request.Path + context.Request.QueryString, person, account, tokens.FormFieldName, tokens.RequestToken);
    }

    // A page asks for the view more than once (its own read, then its render): the person is read once per request, and
    // read again after a write in it (Forget), which may change memberships or the unread count.
    private static readonly object Known = new();

    /// <summary>The person read for this request is out of date: a use case has written.</summary>
    public static void Forget(HttpContext context) => context.Items.Remove(Known);

    private static async Task<PortalPerson?> PersonAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(Known, out var known)) return (PortalPerson?)known;
        var person = await ReadPersonAsync(context);
        context.Items[Known] = person;
        return person;
    }

    private static async Task<PortalPerson?> ReadPersonAsync(HttpContext context)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return null;
        var useCases = context.RequestServices.GetRequiredService<IUseCases>();
        var me = await useCases.InvokeAsync(context, "GET", "/api/v1/me");
        if (!me.Succeeded || me.Body is not { } body) return null;
        var read = body.Deserialize<Me>(JsonSerializerOptions.Web)!;
        var unread = await useCases.InvokeAsync(context, "GET", "/api/v1/notifications/unread-count");
        var count = unread.Succeeded && unread.Body is { } u && u.TryGetProperty("unread", out var n) && n.TryGetInt64(out var c) ? c : 0;
        return new PortalPerson(read.UserId, read.Name, read.Email, read.PlatformRole,
            [.. read.Memberships.Select(m => new PortalAccount(m.AccountId, m.AccountName, m.AccountKind, m.Role))], count,
            [.. read.PendingInvitations.Select(i => new PortalInvitation(i.Id, i.AccountId, i.AccountName ?? "", i.Role))]);
    }

    /// <summary>The page <typeparamref name="TPage"/> with <paramref name="parameters"/> (an anonymous object) and the view.</summary>
    public static RazorComponentResult<TPage> Render<TPage>(HttpContext context, PortalView view, object? parameters = null, int status = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        context.Response.Headers.Vary = "Accept-Language, Cookie";
        context.Response.Headers.ContentLanguage = view.Language;
        if (view.Person is not null) context.Response.Headers.CacheControl = "no-store"; // a person's page is theirs alone
        var values = new Dictionary<string, object?>(new Microsoft.AspNetCore.Routing.RouteValueDictionary(parameters)) { ["View"] = view };
        return new RazorComponentResult<TPage>(values) { StatusCode = status, ContentType = "text/html; charset=utf-8" };
    }

    /// <summary>To the sign-in, and back here afterwards.</summary>
    public static IResult SignIn(HttpContext context) =>
        Results.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));

    /// <summary>
    /// Only a path of this site: never an open redirect. Browsers drop tabs and line breaks from a URL and read a backslash
    /// as "/", so "/\t/evil.example" would become "//evil.example": no whitespace, control character or backslash passes.
    /// </summary>
    public static string SafeReturn(string? url, string fallback = Home) =>
        url is { Length: > 1 and <= 2000 } && url[0] == '/' && url[1] != '/'
        && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\')
        && Uri.TryCreate(url, UriKind.Relative, out _)
            ? url
            : url == "/" ? "/" : fallback;

    /// <summary>The posted form, or null when its antiforgery token is missing or wrong (answer <see cref="StaleForm"/>).</summary>
    public static async Task<IFormCollection?> FormAsync(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context)) return null;
        return await context.Request.ReadFormAsync(context.RequestAborted);
    }

    public static IResult StaleForm() =>
        Results.Problem(Problems.Forbidden("The form's antiforgery token is missing or wrong; reload the page and send it again."));

    // GET /api/v1/me, as much of it as the portal reads.
    private sealed record Me(string UserId, string Email, string Name, string? PlatformRole, IReadOnlyList<MeMembership> Memberships,
        IReadOnlyList<MeInvitation> PendingInvitations);
    private sealed record MeMembership(Guid AccountId, string AccountName, string AccountKind, string Role);
    private sealed record MeInvitation(Guid Id, Guid AccountId, string? AccountName, string Role);
}
