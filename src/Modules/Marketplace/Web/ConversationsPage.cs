using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;
using Holded.Partners.Marketplace.Conversations;

namespace Holded.Partners.Marketplace.Web;

/// <summary>
/// One account's conversations (GET /api/v1/conversations?accountId=&amp;status=): the business's, and the firm's
/// "Solicitudes" (step 5), which open on the requests waiting for an answer. An account manager sees what the API shows them.
/// </summary>
public static class ConversationsPage
{
    private const int PageSize = 20;

    [AllowAnonymous]
    [WolverineGet("/businesses/{accountId}/conversations")]
    public static Task<IResult> Business(Guid accountId, string? status, int? page, HttpContext context, IUseCases useCases) =>
        Show(context, useCases, accountId, status, page, firm: false);

    /// <summary>Step 5 "Solicitudes": by default the open requests; "all" for every conversation.</summary>
    [AllowAnonymous]
    [WolverineGet("/firms/{accountId}/requests")]
    public static Task<IResult> Firm(Guid accountId, string? status, int? page, HttpContext context, IUseCases useCases) =>
        Show(context, useCases, accountId, status ?? RequestStatus.Requested, page, firm: true);

    public const string All = "all";

    private static async Task<IResult> Show(HttpContext context, IUseCases useCases, Guid accountId, string? status, int? page, bool firm)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        var asked = status == All ? null : status;
        var answer = await useCases.InvokeAsync(context, "GET", "/api/v1/conversations" +
            Pages.Query(("accountId", accountId), ("status", asked), ("page", page), ("pageSize", PageSize)));
        var parameters = new { AccountId = accountId, Firm = firm, Status = status ?? All,
            Conversations = answer.Succeeded ? answer.As<Page<ConversationSummary>>() : null, Refusal = answer.Refusal };
        return Portal.Render<ConversationList>(context, view, parameters, answer.Status);
    }
}
