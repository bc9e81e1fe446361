using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;
using Holded.Partners.Marketplace.Invites;

namespace Holded.Partners.Marketplace.Web;

/// <summary>
/// The firm's invite links ("Invitar clientes"): the list with each link's uses, a form that makes one, a link's page
/// with the businesses that started through it, and revoking through a confirmation. Every read and write is the API's.
/// </summary>
public static class InviteLinksPage
{
    public const int PageSize = 20;

    public static string List(Guid firm) => $"/firms/{firm}/invite-links";
    public static string Link(Guid firm, Guid link) => $"/firms/{firm}/invite-links/{link}";
    public static string Revoke(Guid firm, Guid link) => $"/firms/{firm}/invite-links/{link}/revoke";

    [AllowAnonymous] // the page reads its own cookie identity; the use cases decide
    [WolverineGet("/firms/{accountId}/invite-links")]
    public static async Task<IResult> Get(Guid accountId, int? page, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        return await ShowList(context, useCases, view, accountId, page, null, null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/firms/{accountId}/invite-links")]
    public static async Task<IResult> Create(Guid accountId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var typed = new TypedLink(form["label"].ToString(), form["expires"].ToString());
        if (!TryLastDay(typed.Expires, out var expiresAt))
            return await ShowList(context, useCases, view, accountId, null, typed, new Refusal(StatusCodes.Status400BadRequest, "", null,
                new Dictionary<string, string[]> { ["expiresAt"] = [view.T("Escribe una fecha como 2026-03-31.", "Write a date such as 2026-03-31.")] }, []),
                StatusCodes.Status400BadRequest);
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/partners/{accountId}/invite-links",
            new CreateInviteLink(typed.Label, expiresAt));
        return answer.Succeeded
            ? Results.Redirect(Link(accountId, Pages.CreatedId(answer)) + Pages.Query(("done", "created")))
            : await ShowList(context, useCases, view, accountId, null, typed, answer.Refusal, answer.Status);
    }

    [AllowAnonymous]
    [WolverineGet("/firms/{accountId}/invite-links/{linkId}")]
    public static async Task<IResult> Details(Guid accountId, Guid linkId, int? page, string? done, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/partners/{accountId}/invite-links/{linkId}");
        if (!read.Succeeded)
            return Portal.Render<InviteLinkDetails>(context, view, new { AccountId = accountId, Refusal = read.Refusal }, read.Status);
        var uses = await useCases.InvokeAsync(context, "GET",
            $"/api/v1/partners/{accountId}/invite-links/{linkId}/uses" + Pages.Query(("page", page), ("pageSize", PageSize)));
        return Portal.Render<InviteLinkDetails>(context, view, new
        {
            AccountId = accountId, Link = read.As<InviteLinkSummary>(), Uses = uses.Succeeded ? uses.As<Page<InviteLinkUse>>() : null,
            Done = done, Refusal = uses.Refusal,
        }, uses.Status);
    }

    [AllowAnonymous]
    [WolverineGet("/firms/{accountId}/invite-links/{linkId}/revoke")]
    public static async Task<IResult> ConfirmRevoke(Guid accountId, Guid linkId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        return await ShowConfirm(context, useCases, view, accountId, linkId, null, StatusCodes.Status200OK);
    }

    /// <summary>The confirmation's POST is the revoke (DELETE in the API).</summary>
    [AllowAnonymous]
    [WolverinePost("/firms/{accountId}/invite-links/{linkId}/revoke")]
    public static async Task<IResult> Revoked(Guid accountId, Guid linkId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is null) return Portal.StaleForm();
        var answer = await useCases.InvokeAsync(context, "DELETE", $"/api/v1/partners/{accountId}/invite-links/{linkId}");
        return answer.Succeeded
            ? Results.Redirect(Link(accountId, linkId) + Pages.Query(("done", "revoked")))
            : await ShowConfirm(context, useCases, view, accountId, linkId, answer.Refusal, answer.Status);
    }

    private static async Task<IResult> ShowList(HttpContext context, IUseCases useCases, PortalView view, Guid accountId, int? page,
        TypedLink? typed, Refusal? refusal, int status)
    {
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/partners/{accountId}/invite-links" + Pages.Query(("page", page), ("pageSize", PageSize)));
        return Portal.Render<InviteLinkList>(context, view, new
        {
            AccountId = accountId, Links = read.Succeeded ? read.As<Page<InviteLinkSummary>>() : null, Typed = typed ?? new TypedLink(null, null),
            Refusal = read.Succeeded ? refusal : read.Refusal,
        }, read.Succeeded ? status : read.Status);
    }

    private static async Task<IResult> ShowConfirm(HttpContext context, IUseCases useCases, PortalView view, Guid accountId, Guid linkId,
        Refusal? refusal, int status)
    {
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/partners/{accountId}/invite-links/{linkId}");
        return Portal.Render<RevokeInviteLinkConfirmation>(context, view, new
        {
            AccountId = accountId, Link = read.Succeeded ? read.As<InviteLinkSummary>() : null, Refusal = read.Succeeded ? refusal : read.Refusal,
        }, read.Succeeded ? status : read.Status);
    }

    /// <summary>A link's status in the pages' words ("enlace" is masculine: the shared labels say "Revocada" of an invitation).</summary>
    public static Words StatusWords(string status) => status switch
    {
        InviteLinkStatus.Active => new("Activo", "Active"),
        InviteLinkStatus.Revoked => new("Revocado", "Revoked"),
        InviteLinkStatus.Expired => new("Caducado", "Expired"),
        _ => new(Labels.Of(status, Language.Spanish), Labels.Of(status, Language.English)),
    };

    /// <summary>A date from the form is the last day the link works: it expires at the end of that day (UTC). Empty: never.</summary>
    public static bool TryLastDay(string? date, out DateTimeOffset? expiresAt)
    {
        expiresAt = null;
        if (string.IsNullOrWhiteSpace(date)) return true;
        if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return false;
        expiresAt = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return true;
    }
}

/// <summary>What a firm typed in the new link's form, kept when the API refused it.</summary>
public sealed record TypedLink(string? Label, string? Expires);
