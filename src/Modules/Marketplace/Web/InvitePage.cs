using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;
using Holded.Partners.Marketplace.Invites;

namespace Holded.Partners.Marketplace.Web;

/// <summary>
/// A business arrives with a firm's invite: by its link (/invite/{token}) or by typing its code (/invite?code=, a form
/// on the marketplace page). It reads which firm invites it, writes a first message and starts the conversation (POST
/// /api/v1/invite-links/{key}/use); the conversation opens with the collaboration request ready to send. Who cannot
/// start (not signed in, no business of theirs, the firm's own people, a revoked or unknown link) is told why.
/// </summary>
public static class InvitePage
{
    /// <summary>The code form, alone or sent: a sent code goes on to its invite's page.</summary>
    [AllowAnonymous]
    [WolverineGet("/invite")]
    public static async Task<IResult> Code(string? code, Guid? business, HttpContext context)
    {
        var view = await Portal.ViewAsync(context, business);
        if (view.Person is null) return Portal.SignIn(context);
        if (!string.IsNullOrWhiteSpace(code))
            return Results.Redirect($"/invite/{Uri.EscapeDataString(code.Trim())}" + Pages.Query(("business", business)));
        return Portal.Render<InviteLanding>(context, view, new { Key = "", Business = business, AskCode = true });
    }

    [AllowAnonymous]
    [WolverineGet("/invite/{key}")]
    public static async Task<IResult> Get(string key, Guid? business, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, business);
        if (view.Person is null) return Portal.SignIn(context);
        return await Show(context, useCases, view, key, business, null, null, StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/invite/{key}")]
    public static async Task<IResult> Start(string key, HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        Guid? business = Guid.TryParse(form["business"].ToString(), out var b) ? b : null;
        var view = await Portal.ViewAsync(context, business);
        var message = form["message"].ToString();
        var answer = await useCases.InvokeAsync(context, "POST", $"/api/v1/invite-links/{Uri.EscapeDataString(key)}/use",
            new UseInvite(business ?? Guid.Empty, message));
        return answer.Succeeded
            ? Results.Redirect(Pages.Conversation(Pages.CreatedId(answer)) + Pages.Query(("done", "invited")))
            : await Show(context, useCases, view, key, business, message, answer.Refusal, answer.Status);
    }

    private static async Task<IResult> Show(HttpContext context, IUseCases useCases, PortalView view, string key, Guid? business,
        string? message, Refusal? refusal, int status)
    {
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/invite-links/{Uri.EscapeDataString(key)}");
        if (!read.Succeeded)
            return Portal.Render<InviteLanding>(context, view, new { Key = key, Business = business, Refusal = read.Refusal, AskCode = true }, read.Status);
        var invite = read.As<InviteDetails>();
        var person = view.Person!;
        // Said before the form rather than after a refused POST: the API refuses these too (own_invite_link, 404/422).
        var own = person.Accounts.Any(a => a.AccountId == invite.Partner.AccountId);
        var businesses = person.Accounts.Where(a => !a.IsFirm && a.Manages).ToList();
        var chosen = businesses.FirstOrDefault(a => a.AccountId == business) ?? (businesses.Count == 1 ? businesses[0] : null);
        return Portal.Render<InviteLanding>(context, view with { Account = chosen ?? view.Account }, new
        {
            Key = key, Invite = invite, Own = own, Businesses = businesses, Business = chosen?.AccountId ?? business,
            Message = message, Refusal = refusal,
        }, own || businesses.Count == 0 ? StatusCodes.Status403Forbidden : status);
    }
}
