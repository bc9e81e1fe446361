using System.Globalization;
using System.Text;
using System.Text.Json;
using Holded.Partners.Access.Replicas;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Holded.Partners.Access.Audit;

/// <summary>The trail's filters. A field left empty (as a form sends it) is no filter at all.</summary>
public sealed record AuditQuery
{
    public Guid? ClientAccountId { get; set; }
    public Guid? PartnerAccountId { get; set; }
    public string? UserId { get; set => field = Blank(value); }
    public string? Type { get; set => field = Blank(value); }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? To { get; set; }
    public string? Cursor { get; set => field = Blank(value); }
    public int? Limit { get; set; }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, string? NextCursor);

/// <summary>
/// The accounts a query names, as one value (Wolverine binds loaded values by type): whose trail is read, not a
/// collaboration's parties (<see cref="Grants.GrantParties"/>) — the trail is its accounts' managers', reach plays no part.
/// </summary>
public sealed record AuditScope(AccessAccount? Client, AccessAccount? Firm);

/// <summary>
/// The audit trail of access: a client's owners and admins read their account's, a firm's administrators their firm's
/// (all clients, or one member), a platform auditor everything. Newest first, cursor-paged, as JSON or CSV.
/// </summary>
public static class ReadAuditTrailEndpoint
{
    public const int MaxLimit = 200;

    /// <summary>The accounts the query names, to decide who may read them; an auditor reads every trail, so none is read for one.</summary>
    public static async Task<AuditScope> LoadAsync(AuditQuery query, Caller caller, IQuerySession session, CancellationToken ct)
    {
        if (caller.Is(PlatformRoles.Auditor)) return new(null, null);
        var ids = new[] { query.ClientAccountId, query.PartnerAccountId }.OfType<Guid>().Distinct().ToArray();
        var accounts = ids.Length == 0 ? [] : await session.LoadManyAsync<AccessAccount>(ct, ids);
        return new(accounts.FirstOrDefault(a => a.Id == query.ClientAccountId), accounts.FirstOrDefault(a => a.Id == query.PartnerAccountId));
    }

    public static ProblemDetails Validate(AuditQuery query, AuditScope accounts, Caller caller) =>
        Authorize(query, accounts, caller);

    /// <summary>Input first, then who may read the trail the query names. Shared by the API and the viewer page.</summary>
    public static ProblemDetails Authorize(AuditQuery query, AuditScope accounts, Caller caller)
    {
        var input = new Check()
            .OneOf("type", query.Type, AuditTypes.All, required: false)
            .That(query.Limit is null or >= 1 and <= MaxLimit, "limit", $"must be between 1 and {MaxLimit}.")
            .That(query.From is null || query.To is null || query.From <= query.To, "from", "must not be after to.")
            .That(query.Cursor is null || (query.Cursor.Length == 53 && query.Cursor[20] == '_'), "cursor", "must be a nextCursor this endpoint returned.")
            .Result();
        if (input.Status is not null) return input;
        if (caller.Is(PlatformRoles.Auditor)) return Problems.None;
        if (query.ClientAccountId is null && query.PartnerAccountId is null)
            return Problems.Forbidden("Say whose trail: clientAccountId (its owners and admins) or partnerAccountId (the firm's administrators).");
        foreach (var account in new[] { accounts.Client, accounts.Firm })
        {
            if (account is null) continue;
            if (!account.IsMember(caller.UserId)) return Problems.NotFound("account");
            if (!account.IsManagedBy(caller.UserId))
                return Problems.Forbidden("The audit trail is for the account's owners and admins, or the firm's administrators.");
        }
        return (query.ClientAccountId is not null && accounts.Client is null) || (query.PartnerAccountId is not null && accounts.Firm is null)
            ? Problems.NotFound("account")
            : Problems.None;
    }

    [WolverineGet("/api/v1/audit/access")]
    public static async Task<IResult> Get([FromQuery] AuditQuery query, HttpContext context, NpgsqlDataSource database, CancellationToken ct)
    {
        var page = await Read(query, database, ct);
        return context.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase)
            ? Results.Text(Csv(page), "text/csv; charset=utf-8")
            : Results.Ok(page);
    }

    public static async Task<AuditPage> Read(AuditQuery query, NpgsqlDataSource database, CancellationToken ct)
    {
        var limit = query.Limit ?? DefaultLimit;
        await using var command = Command(query, database);
        var items = new List<AuditEntry>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) items.Add(JsonSerializer.Deserialize<AuditEntry>(reader.GetString(0))!);
        var next = items.Count > limit ? items[limit - 1].SortKey : null;
        return new AuditPage(items.Take(limit).ToList(), next);
    }

    public const int DefaultLimit = 50;

    /// <summary>One page's statement (one more row than the page, to know whether another follows): for the endpoint, and for the benchmark and the plan test.</summary>
    public static NpgsqlCommand Command(AuditQuery query, NpgsqlDataSource database)
    {
        var command = database.CreateCommand();
        var conditions = new StringBuilder();
        void Where(string condition, string name, object value)
        {
            conditions.Append(" and ").Append(condition);
            command.Parameters.AddWithValue(name, value);
        }
        // Each filter is a column an index leads with, and the order is that index's second column (AuditEntry.ConfigureMarten).
        if (query.ClientAccountId is { } client) Where("client_account_id = @client", "client", client);
        if (query.PartnerAccountId is { } firm) Where("partner_account_id = @firm", "firm", firm);
        if (query.Type is { } type) Where("data ->> 'Type' = @type", "type", type);
        if (query.From is { } from) Where("sort_key >= @from", "from", $"{from.UtcTicks:D20}");
        if (query.To is { } to) Where("sort_key < @to", "to", $"{to.UtcTicks + 1:D20}");
        if (query.Cursor is { } cursor) Where("sort_key < @cursor", "cursor", cursor);
        command.Parameters.AddWithValue("limit", (query.Limit ?? DefaultLimit) + 1);
        const string page = " order by sort_key desc limit @limit";
        string Select(string also) => $"select data, sort_key from access.mt_doc_auditentry where true{also}{conditions}{page}";
        if (query.UserId is { } member)
        {
            // What a member did or had done to them: two walks, each down its own index, merged into one page.
            command.Parameters.AddWithValue("member", member);
            command.CommandText = $"select data::text from (({Select(" and member = @member")}) union all " +
                $"({Select(" and actor = @member and member is distinct from @member")})) entries{page}";
        }
        else command.CommandText = $"select data::text from ({Select("")}) entries{page}";
        return command;
    }

    public const string CsvHeader =
        "at,type,client_account_id,partner_account_id,collaboration_id,actor,member,role_before,role_after,permissions,expires_at,reason,correlation_id";

    public static string Csv(AuditPage page, bool header = true)
    {
        static string Field(object? value)
        {
            var text = value switch
            {
                null => "",
                DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            // Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.
            if (text.Length > 0 && "=+-@".Contains(text[0])) text = "'" + text;
            return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
        }
        var csv = new StringBuilder(header ? CsvHeader + "\n" : "");
        foreach (var e in page.Items)
            csv.AppendJoin(',', new object?[] { e.At, e.Type, e.ClientAccountId, e.PartnerAccountId, e.CollaborationId, e.Actor, e.Member,
                e.RoleBefore, e.RoleAfter, e.Permissions, e.ExpiresAt, e.Reason, e.CorrelationId }.Select(Field)).Append('\n');
        return csv.ToString();
    }
}
