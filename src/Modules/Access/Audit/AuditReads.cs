using System.Text;
using System.Text.Json;
using Npgsql;

namespace Holded.Partners.Access.Audit;

/// <summary>
/// The trail read straight from its table, by SQL written for its indexes (AuditEntry.ConfigureMarten): each filter a
/// column an index leads with, newest first by the index's second column, a member's entries as two walks merged.
/// </summary>
public static class AuditReads
{
    public static async Task<AuditPage> Read(AuditQuery query, NpgsqlDataSource database, CancellationToken ct)
    {
        var limit = query.Limit ?? AuditQuery.DefaultLimit;
        await using var command = Command(query, database);
        var items = new List<AuditEntry>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) items.Add(JsonSerializer.Deserialize<AuditEntry>(reader.GetString(0))!);
        var next = items.Count > limit ? items[limit - 1].SortKey : null;
        var page = items.Take(limit).ToList();
        return new AuditPage(page, next, await Names(page, database, ct));
    }

    /// <summary>
    /// The names of the page's accounts and of the people in them, from Access's own copies of the accounts (one
    /// statement): a member who has left keeps their name there, so an old entry still reads with it.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string>> Names(List<AuditEntry> entries, NpgsqlDataSource database, CancellationToken ct)
    {
        var names = new Dictionary<string, string>();
        var accounts = entries.SelectMany(e => new[] { e.ClientAccountId, e.PartnerAccountId ?? Guid.Empty }).Where(id => id != Guid.Empty).Distinct().ToArray();
        if (accounts.Length == 0) return names;
        await using var command = database.CreateCommand($"select data::text from {AccessModule.Schema}.mt_doc_accessaccount where id = any(@ids)");
        command.Parameters.AddWithValue("ids", accounts);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var account = JsonSerializer.Deserialize<Replicas.AccessAccount>(reader.GetString(0))!;
            names[account.Id.ToString()] = account.Name;
            foreach (var member in account.Members) names.TryAdd(member.UserId, string.IsNullOrWhiteSpace(member.Name) ? member.Email : member.Name);
        }
        return names;
    }

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
        command.Parameters.AddWithValue("limit", (query.Limit ?? AuditQuery.DefaultLimit) + 1);
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
}
