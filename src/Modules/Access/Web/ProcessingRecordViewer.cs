using Holded.Partners.Access.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Access.Web;

/// <summary>
/// /firms/{id}/processing-record: the firm's GDPR Art. 30(2) record as of a chosen date (GET /api/v1/firms/{id}/processing-record),
/// and the same as a PDF for the signed-in person. Both run the API's own read, so who may read it is the API's decision.
/// </summary>
public static class ProcessingRecordViewer
{
    public static string Path(Guid firm) => $"/firms/{firm}/processing-record";

    [AllowAnonymous]
    [WolverineGet("/firms/{accountId}/processing-record")]
    public static async Task<IResult> Page(Guid accountId, string? asOf, HttpContext context, IUseCases useCases)
    {
        var view = await Portal.ViewAsync(context, accountId);
        if (view.Person is null) return Portal.SignIn(context);
        var answer = await useCases.InvokeAsync(context, "GET", $"/api/v1/firms/{accountId}/processing-record" + Query(asOf));
        return Portal.Render<ProcessingRecordPage>(context, view, new
        {
            AccountId = accountId, AsOf = asOf, Record = answer.Succeeded ? answer.As<ProcessingRecord>() : null, Refusal = answer.Refusal,
        }, answer.Status);
    }

    [AllowAnonymous]
    [WolverineGet("/firms/{accountId}/processing-record.pdf")]
    public static async Task<IResult> Pdf(Guid accountId, string? asOf, HttpContext context, IUseCases useCases, TimeProvider clock)
    {
        if (await WebIdentity.CurrentAsync(context) is null) return Portal.SignIn(context);
        var answer = await useCases.InvokeAsync(context, "GET", $"/api/v1/firms/{accountId}/processing-record" + Query(asOf));
        if (!answer.Succeeded) return Results.Problem(Problems.Status(answer.Status, answer.Refusal?.Detail ?? "The record could not be read."));
        return ProcessingRecordPdf.File(answer.As<ProcessingRecord>(), Language.Of(context.Request), clock.GetUtcNow());
    }

    public static string Query(string? asOf) =>
        string.IsNullOrWhiteSpace(asOf) ? "" : QueryString.Create("asOf", asOf.Trim()).ToString();
}
