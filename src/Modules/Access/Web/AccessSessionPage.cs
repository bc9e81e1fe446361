using Holded.Partners.Access.Grants;
using Holded.Partners.Access.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Access.Web;

/// <summary>What "Acceder a la cuenta" shows before entering: the client, and what the grant lets the member do now.</summary>
public sealed record EnterAccountModel(CollaborationRead Collaboration, GrantView Grant, bool FirmSide);

/// <summary>What the member holds once inside: the session as the API reads it back, the client, and the token for the ERP (when this browser has it).</summary>
public sealed record SessionHeldModel(SessionView Session, CollaborationRead? Collaboration, string? Token, string HandOff);

/// <summary>
/// Step 9 "Acceder a la cuenta": a POST opens an access session (POST /api/v1/access/sessions, the API's own decision
/// and audit), then /sessions/{id} shows what the member now holds and hands the delegated token to the ERP (Erp:Url).
/// The token is in the API's answer to the POST only; the redirect keeps it in an HttpOnly cookie of that session's
/// page alone, encrypted and as short-lived as the token, so it never travels in a URL and a reload still shows it.
/// </summary>
public static class AccessSessionPage
{
    private const string Cookie = "partners.handoff";
    private const string Purpose = "Holded.Partners.Access.Web.HandOff";

    public static string EnterPath(Guid collaborationId) => $"/collaborations/{collaborationId}/session";
    public static string SessionPath(Guid sessionId) => $"/sessions/{sessionId}";

    [AllowAnonymous] // the page reads its own cookie identity; the use cases decide
    [WolverineGet("/collaborations/{collaborationId}/session")]
    public static async Task<IResult> Enter(Guid collaborationId, HttpContext context, IUseCases useCases)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        var (model, refusal) = await ReadAsync(context, useCases, collaborationId);
        return await RenderEnter(context, model, refusal, model is null ? refusal!.Status : StatusCodes.Status200OK);
    }

    [AllowAnonymous]
    [WolverinePost("/collaborations/{collaborationId}/session")]
    public static async Task<IResult> Open(Guid collaborationId, HttpContext context, IUseCases useCases, IDataProtectionProvider protection)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is null) return Portal.StaleForm();
        var (model, refusal) = await ReadAsync(context, useCases, collaborationId);
        if (model is null) return await RenderEnter(context, null, refusal, refusal!.Status);
        var answer = await useCases.InvokeAsync(context, "POST", "/api/v1/access/sessions", new OpenSession(model.Collaboration.ClientAccountId));
        if (!answer.Succeeded) return await RenderEnter(context, model, answer.Refusal, answer.Status);

        return HandOff(context, protection, answer.As<SessionTicket>());
    }

    /// <summary>Keeps the opened session's token for its own page alone, and goes there.</summary>
    public static IResult HandOff(HttpContext context, IDataProtectionProvider protection, SessionTicket ticket)
    {
        context.Response.Cookies.Append(Cookie, protection.CreateProtector(Purpose).ToTimeLimitedDataProtector()
            .Protect($"{ticket.SessionId:N}|{ticket.Token}", ticket.ExpiresAt), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, IsEssential = true,
            Path = SessionPath(ticket.SessionId), Expires = ticket.ExpiresAt,
        });
        return Results.Redirect(SessionPath(ticket.SessionId)); // post/redirect/get: a reload opens nothing twice
    }

    [AllowAnonymous]
    [WolverineGet("/sessions/{sessionId}")]
    public static async Task<IResult> Held(Guid sessionId, HttpContext context, IUseCases useCases, IDataProtectionProvider protection,
        IOptions<ErpOptions> erp)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/access/sessions/{sessionId}"); // its own member's alone
        if (!read.Succeeded)
            return Portal.Render<SessionHeldPage>(context, await Portal.ViewAsync(context), new { Refusal = read.Refusal }, read.Status);
        var session = read.As<SessionView>();
        var collaboration = await CollaborationRead.LoadAsync(useCases, context, session.CollaborationId);
        var token = session.Expired ? null : TokenOf(context, protection, sessionId);
        return Portal.Render<SessionHeldPage>(context, await Portal.ViewAsync(context, collaboration?.PartnerAccountId),
            new { Model = new SessionHeldModel(session, collaboration, token, erp.Value.HandOff) });
    }

    // The token this browser was handed for this very session, while it lasts; anything else reads as none.
    private static string? TokenOf(HttpContext context, IDataProtectionProvider protection, Guid sessionId)
    {
        if (context.Request.Cookies[Cookie] is not { Length: > 0 } kept) return null;
        try
        {
            var parts = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(kept).Split('|', 2);
            return parts.Length == 2 && parts[0] == sessionId.ToString("N") ? parts[1] : null;
        }
        catch (System.Security.Cryptography.CryptographicException) { return null; } // expired or not ours
    }

    private static async Task<(EnterAccountModel?, Refusal?)> ReadAsync(HttpContext context, IUseCases useCases, Guid collaborationId)
    {
        var grant = await useCases.InvokeAsync(context, "GET", $"/api/v1/collaborations/{collaborationId}/access-grant");
        if (!grant.Succeeded) return (null, grant.Refusal);
        if (await CollaborationRead.LoadAsync(useCases, context, collaborationId) is not { } collaboration) return (null, PageRefusals.NotFound("collaboration"));
        var view = await Portal.ViewAsync(context);
        var firmSide = view.Person?.Accounts.Any(a => a.AccountId == collaboration.PartnerAccountId) == true;
        return (new EnterAccountModel(collaboration, grant.As<GrantView>(), firmSide), null);
    }

    private static async Task<IResult> RenderEnter(HttpContext context, EnterAccountModel? model, Refusal? refusal, int status) =>
        Portal.Render<EnterAccountPage>(context, await Portal.ViewAsync(context, model?.Collaboration.PartnerAccountId),
            new { Model = model, Refusal = refusal }, status);
}
