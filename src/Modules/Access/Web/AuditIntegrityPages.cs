using System.Text;
using Holded.Partners.Access.Audit;
using Holded.Partners.Access.Audit.Chain;
using Holded.Partners.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Holded.Partners.Access.Web;

/// <summary>
/// The trail's integrity in the portal: a client's or firm's chain downloaded as a proof to verify offline
/// (GET /api/v1/audit/access/proof), and the auditor's walk of the whole trail (GET /api/v1/audit/verify).
/// </summary>
public static class AuditIntegrityPages
{
    public const string VerifyPath = "/staff/audit/verify";

    [AllowAnonymous]
    [WolverineGet("/audit/proof.json")]
    public static async Task<IResult> Proof([FromQuery] AuditQuery query, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, query.ClientAccountId ?? query.PartnerAccountId);
        if (view.Person is null) return Portal.SignIn(context);
        var answer = await useCases.InvokeAsync(context, "GET", "/api/v1/audit/access/proof" + AuditViewer.QueryOf(query, null));
        if (!answer.Succeeded) return Portal.Render<AuditVerifyPage>(context, view, new { Refusal = answer.Refusal }, answer.Status);
        var chain = (query.ClientAccountId ?? query.PartnerAccountId)!.Value;
        return Results.File(Encoding.UTF8.GetBytes(answer.Body!.Value.GetRawText()), "application/json", $"audit-proof-{chain}.json");
    }

    [AllowAnonymous]
    [WolverineGet(VerifyPath)]
    public static async Task<IResult> Verify(HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context);
        if (view.Person is null) return Portal.SignIn(context);
        var answer = await useCases.InvokeAsync(context, "GET", "/api/v1/audit/verify");
        return Portal.Render<AuditVerifyPage>(context, view,
            new { Result = answer.Succeeded ? answer.As<AuditVerification>() : null, Refusal = answer.Refusal }, answer.Status);
    }
}
