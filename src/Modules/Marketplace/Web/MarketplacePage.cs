using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;
using Holded.Partners.Marketplace.Conversations;
using Holded.Partners.Marketplace.Listings;
using Holded.Partners.Marketplace.Responsiveness;

namespace Holded.Partners.Marketplace.Web;

/// <summary>
/// Step 5, the business's side: the private marketplace (GET /api/v1/marketplace/partners, with contact details), a
/// firm's page with its responsiveness, and the first message that opens a conversation (POST /api/v1/conversations).
/// </summary>
public static class MarketplacePage
{
    public const int PageSize = 10;

    [AllowAnonymous]
    [WolverineGet("/businesses/{accountId}/marketplace")]
    public static async Task<IResult> Search(Guid accountId, [FromQuery] ListingQuery query, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (view.Account is null) return NotYours(context, view);
        query = query with { PageSize = PageSize };
        var answer = await useCases.InvokeAsync(context, "GET", "/api/v1/marketplace/partners" + Pages.Query(
            ("q", query.Q), ("service", query.Service), ("province", query.Province), ("language", query.Language), ("sector", query.Sector),
            ("page", query.Page), ("pageSize", query.PageSize)));
        return Portal.Render<MarketplaceSearch>(context, view, new
        {
            AccountId = accountId, Query = query, Results = answer.Succeeded ? answer.As<Page<MarketplacePartner>>() : null, Refusal = answer.Refusal,
        }, answer.Status);
    }

    [AllowAnonymous]
    [WolverineGet("/businesses/{accountId}/marketplace/{partnerAccountId}")]
    public static async Task<IResult> Partner(Guid accountId, Guid partnerAccountId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        return await ShowPartner(context, useCases, view, accountId, partnerAccountId, null, null, StatusCodes.Status200OK);
    }

    /// <summary>The first message: a conversation opens and the person goes on in it.</summary>
    [AllowAnonymous]
    [WolverinePost("/businesses/{accountId}/marketplace/{partnerAccountId}")]
    public static async Task<IResult> Write(Guid accountId, Guid partnerAccountId, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        if (await Portal.FormAsync(context) is not { } form) return Portal.StaleForm();
        var message = form["message"].ToString();
        var answer = await useCases.InvokeAsync(context, "POST", "/api/v1/conversations", new OpenConversation(accountId, partnerAccountId, message));
        return answer.Succeeded
            ? Results.Redirect(Pages.Conversation(Pages.CreatedId(answer)))
            : await ShowPartner(context, useCases, view, accountId, partnerAccountId, message, answer.Refusal, answer.Status);
    }

    private static async Task<IResult> ShowPartner(HttpContext context, IUseCases useCases, PortalView view, Guid accountId, Guid partnerId,
        string? message, Refusal? refusal, int status)
    {
        if (view.Account is null) return NotYours(context, view);
        var read = await useCases.InvokeAsync(context, "GET", $"/api/v1/marketplace/partners/{partnerId}");
        if (!read.Succeeded)
            return Portal.Render<PartnerDetails>(context, view, new { AccountId = accountId, Refusal = read.Refusal }, read.Status);
        var responsiveness = await useCases.InvokeAsync(context, "GET", $"/api/v1/marketplace/partners/{partnerId}/responsiveness");
        return Portal.Render<PartnerDetails>(context, view, new
        {
            AccountId = accountId, Partner = read.As<MarketplacePartner>(),
            Responsiveness = responsiveness.Succeeded ? responsiveness.As<PartnerResponsiveness>() : null,
            Message = message, Refusal = refusal,
        }, status);
    }

    // A business page of an account that is not the person's: as the API answers an account it does not show, 404.
    private static IResult NotYours(HttpContext context, PortalView view) =>
        Portal.Render<MarketplaceSearch>(context, view, new { AccountId = Guid.Empty, Query = new ListingQuery(), Missing = true },
            StatusCodes.Status404NotFound);
}
