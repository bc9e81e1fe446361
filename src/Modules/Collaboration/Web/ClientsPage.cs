using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Collaboration.Collaborations;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Collaboration.Web;

/// <summary>
/// Step 7, the firm's clients table (GET /api/v1/partners/{id}/clients): role, managers and the member's KPIs per client,
/// the gear in the last column. The running collaborations unless asked for the ended ones; an account manager sees
/// only their own clients (the API decides).
/// </summary>
public static class ClientsPage
{
    private const int PageSize = 20;

    [AllowAnonymous]
    [WolverineGet("/firms/{accountId}/clients")]
    public static async Task<IResult> Get(Guid accountId, bool? mine, string? status, int? page, string? done, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        var shown = status ?? CollaborationStatus.Active;
        var answer = await useCases.InvokeAsync(context, "GET", $"/api/v1/partners/{accountId}/clients" +
            Pages.Query(("mine", mine?.ToString().ToLowerInvariant()), ("status", shown), ("page", page), ("pageSize", PageSize)));
        return Portal.Render<ClientsTable>(context, view, new
        {
            AccountId = accountId, Mine = mine, Status = shown, Done = done,
            Clients = answer.Succeeded ? answer.As<Page<ClientRow>>() : null, Refusal = answer.Refusal,
        }, answer.Status);
    }
}
