using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Holded.Partners.Access.Audit;

/// <summary>
/// The audit trail of access, for those <see cref="AuditScope"/> lets read it. Newest first, cursor-paged, as JSON or
/// CSV (Accept: text/csv).
/// </summary>
public static class ReadAuditTrailEndpoint
{
    public static Task<AuditScope> LoadAsync(AuditQuery query, Caller caller, IQuerySession session, CancellationToken ct) =>
        AuditScope.LoadAsync(query, caller, session, ct);

    public static ProblemDetails Validate(AuditQuery query, AuditScope scope, Caller caller) => scope.Authorize(query, caller);

    [WolverineGet("/api/v1/audit/access")]
    public static async Task<IResult> Get([FromQuery] AuditQuery query, HttpContext context, NpgsqlDataSource database, CancellationToken ct)
    {
        var page = await AuditReads.Read(query, database, ct);
        return context.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase)
            ? Results.Text(AuditCsv.Write(page), "text/csv; charset=utf-8")
            : Results.Ok(page);
    }
}
