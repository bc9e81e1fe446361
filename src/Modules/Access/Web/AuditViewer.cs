using Holded.Partners.Access.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Npgsql;
using Holded.Partners.Kernel.Web;

namespace Holded.Partners.Access.Web;

/// <summary>The audit trail viewer: the same filters, paging and scoping as GET /api/v1/audit/access, and a CSV link.</summary>
public static class AuditViewer
{
    [AllowAnonymous]
    [WolverineGet("/audit")]
    public static Task<IResult> Page([FromQuery] AuditQuery query, HttpContext context, IQuerySession session, NpgsqlDataSource database,
        CancellationToken ct) => Render(query, context, session, database, csv: false, ct);

    [AllowAnonymous]
    [WolverineGet("/audit/export.csv")]
    public static Task<IResult> Export([FromQuery] AuditQuery query, HttpContext context, IQuerySession session, NpgsqlDataSource database,
        CancellationToken ct) => Render(query, context, session, database, csv: true, ct);

    private static async Task<IResult> Render(AuditQuery query, HttpContext context, IQuerySession session, NpgsqlDataSource database,
        bool csv, CancellationToken ct)
    {
        var user = await WebIdentity.CurrentAsync(context);
        if (user is null) return Results.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        var caller = Caller.From(user); // the page's cookie identity, not a bearer token's
        var refused = (await AuditScope.LoadAsync(query, caller, session, ct)).Authorize(query, caller); // the API's own rule
        if (refused.Status is { } status)
            return csv ? Results.Problem(refused) : Portal.Render<AuditTrailPage>(context, await Portal.ViewAsync(context, query.ClientAccountId ?? query.PartnerAccountId),
                new { Query = query, Refused = refused.Detail ?? "" }, status);

        var trail = await AuditReads.Read(query, database, ct);
        if (csv) return Results.Text(AuditCsv.Write(trail), "text/csv; charset=utf-8");
        return Portal.Render<AuditTrailPage>(context, await Portal.ViewAsync(context, query.ClientAccountId ?? query.PartnerAccountId),
            new { Query = query, Trail = trail });
    }

    /// <summary>The query string that reads the same filters again, at <paramref name="cursor"/> when given.</summary>
    public static string QueryOf(AuditQuery q, string? cursor) => QueryString.Create(new Dictionary<string, string?>
    {
        ["clientAccountId"] = q.ClientAccountId?.ToString(), ["partnerAccountId"] = q.PartnerAccountId?.ToString(), ["userId"] = q.UserId,
        ["type"] = q.Type, ["from"] = q.From?.ToString("O"), ["to"] = q.To?.ToString("O"), ["limit"] = q.Limit?.ToString(), ["cursor"] = cursor,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
}
