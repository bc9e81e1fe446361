using System.Text;
using Holded.Partners.Access.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Npgsql;
using static Holded.Partners.Kernel.HtmlPage;

namespace Holded.Partners.Access.Web;

/// <summary>The audit trail viewer: the same filters, paging and scoping as GET /api/v1/audit/access, and a CSV link.</summary>
public static class AuditViewer
{
    [AllowAnonymous]
    [WolverineGet("/audit")]
    public static Task<IResult> Page([FromQuery] AuditQuery query, HttpContext context, IQuerySession session, NpgsqlDataSource database,
        IAntiforgery antiforgery, CancellationToken ct) => Render(query, context, session, database, antiforgery, csv: false, ct);

    [AllowAnonymous]
    [WolverineGet("/audit/export.csv")]
    public static Task<IResult> Export([FromQuery] AuditQuery query, HttpContext context, IQuerySession session, NpgsqlDataSource database,
        IAntiforgery antiforgery, CancellationToken ct) => Render(query, context, session, database, antiforgery, csv: true, ct);

    private static async Task<IResult> Render(AuditQuery query, HttpContext context, IQuerySession session, NpgsqlDataSource database,
        IAntiforgery antiforgery, bool csv, CancellationToken ct)
    {
        var user = await WebIdentity.CurrentAsync(context);
        if (user is null) return Results.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        var language = Language.Of(context.Request);
        var en = language == Language.English;
        var caller = Caller.From(user); // the page's cookie identity, not a bearer token's
        var refused = (await AuditScope.LoadAsync(query, caller, session, ct)).Authorize(query, caller); // the API's own rule
        if (refused.Status is { } status)
            return csv ? Results.Problem(refused) : HtmlPage.Page(context, language, status, en ? "Audit trail — Holded Partners" : "Registro de accesos — Holded Partners",
                refused.Detail ?? "", $"<h1>{(en ? "Audit trail" : "Registro de accesos")}</h1><p role=\"alert\">{E(refused.Detail)}</p>{Form(query, en)}");

        var page = await AuditReads.Read(query, database, ct);
        if (csv) return Results.Text(AuditCsv.Write(page), "text/csv; charset=utf-8");

        var tokens = antiforgery.GetAndStoreTokens(context);
        var body = new StringBuilder()
            .Append($"<header><h1>{(en ? "Audit trail" : "Registro de accesos")}</h1>")
            .Append($"<form method=\"post\" action=\"/signout\"><input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">")
            .Append($"<span>{E(user.FindFirst("email")?.Value)}</span> <button type=\"submit\">{(en ? "Sign out" : "Salir")}</button></form></header>")
            .Append(Form(query, en))
            .Append($"<p><a id=\"csv\" href=\"/audit/export.csv{E(Query(query, null))}\">CSV</a></p>")
            .Append("<table id=\"trail\"><thead><tr>")
            .Append(string.Concat((en
                ? new[] { "When", "What", "Client", "Firm", "Who", "Member", "Role before", "Role after", "Permissions", "Reason" }
                : ["Cuándo", "Qué", "Cliente", "Firma", "Quién", "Miembro", "Rol antes", "Rol después", "Permisos", "Motivo"]).Select(h => $"<th>{E(h)}</th>")))
            .Append("</tr></thead><tbody>");
        foreach (var e in page.Items)
            body.Append("<tr>").Append(string.Concat(new[] { e.At.ToString("yyyy-MM-dd HH:mm:ss 'UTC'"), e.Type, e.ClientAccountId.ToString(),
                e.PartnerAccountId?.ToString(), e.Actor, e.Member, e.RoleBefore, e.RoleAfter, e.Permissions, e.Reason }.Select(v => $"<td>{E(v)}</td>"))).Append("</tr>");
        body.Append("</tbody></table>");
        if (page.NextCursor is { } next)
            body.Append($"<nav><a rel=\"next\" href=\"/audit{E(Query(query, next))}\">{(en ? "Older" : "Anteriores")}</a></nav>");
        return HtmlPage.Page(context, language, StatusCodes.Status200OK, en ? "Audit trail — Holded Partners" : "Registro de accesos — Holded Partners",
            en ? "Who accessed which account, and what changed." : "Quién accedió a qué cuenta y qué cambió.", body.ToString());
    }

    // A datetime-local field shows and sends no offset: the page speaks UTC, and says so.
    private static string? Local(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm");

    private static string Form(AuditQuery q, bool en) => $"""
        <form method="get" action="/audit" role="search">
          <label>{(en ? "Client account" : "Cuenta cliente")} <input name="clientAccountId" value="{E(q.ClientAccountId?.ToString())}"></label>
          <label>{(en ? "Firm account" : "Cuenta de la firma")} <input name="partnerAccountId" value="{E(q.PartnerAccountId?.ToString())}"></label>
          <label>{(en ? "Member" : "Miembro")} <input name="userId" value="{E(q.UserId)}"></label>
          <label>{(en ? "Type" : "Tipo")} <select name="type"><option value=""></option>{string.Concat(AuditTypes.All.Select(t =>
              $"<option value=\"{t}\"{(t == q.Type ? " selected" : "")}>{t}</option>"))}</select></label>
          <label>{(en ? "From (UTC)" : "Desde (UTC)")} <input type="datetime-local" name="from" value="{E(Local(q.From))}"></label>
          <label>{(en ? "To (UTC)" : "Hasta (UTC)")} <input type="datetime-local" name="to" value="{E(Local(q.To))}"></label>
          <button type="submit">{(en ? "Filter" : "Filtrar")}</button>
        </form>
        """;

    private static string Query(AuditQuery q, string? cursor) => QueryString.Create(new Dictionary<string, string?>
    {
        ["clientAccountId"] = q.ClientAccountId?.ToString(), ["partnerAccountId"] = q.PartnerAccountId?.ToString(), ["userId"] = q.UserId,
        ["type"] = q.Type, ["from"] = q.From?.ToString("O"), ["to"] = q.To?.ToString("O"), ["limit"] = q.Limit?.ToString(), ["cursor"] = cursor,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
}
