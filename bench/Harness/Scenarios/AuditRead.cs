using System.Net.Http.Headers;
using Holded.Partners.Access.Audit;
using Npgsql;

namespace Holded.Partners.Bench.Scenarios;

/// <summary>
/// Reading the access audit trail over a large trail (1,000,000 entries by default: 10,000 clients, 500 firms, 5,000
/// members): GET /api/v1/audit/access of the real host — a client's page, a firm's, a member's within a firm, and the
/// auditor's everything — against the exact statement it runs, raw through Npgsql, at the same concurrency. Each read
/// walks an index and stops at the page, so its cost does not grow with the trail; the plans are in the JSON.
/// </summary>
public static class AuditRead
{
    private const int Clients = 10_000, Firms = 500, Members = 5_000;

    public static async Task<IReadOnlyList<Row>> Run(HostApi api, NpgsqlDataSource database, Server host, Options o)
    {
        await Seed(database, o.AuditEntries);
        var auditor = api.Token("bench-auditor", "auditor@bench.es", role: "auditor");
        var queries = Enumerable.Range(0, 400).Select(i => (i % 4) switch
        {
            0 => new AuditQuery { ClientAccountId = Key(i * 7919 % Clients) },
            1 => new AuditQuery { PartnerAccountId = Key(i * 104729 % Firms) },
            2 => new AuditQuery { PartnerAccountId = Key(i % Firms), UserId = $"bench-member-{i % Members}" },
            _ => new AuditQuery(),
        }).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Concurrency }) { BaseAddress = new Uri(host.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", auditor);
        async Task Endpoint(int worker, long n)
        {
            using var response = await http.GetAsync("/api/v1/audit/access" + QueryString(queries[(int)((n * o.Concurrency + worker) % queries.Length)]));
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }
        async Task Direct(int worker, long n)
        {
            await using var command = AuditReads.Command(queries[(int)((n * o.Concurrency + worker) % queries.Length)], database);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) _ = reader.GetString(0);
        }

        await Load.Closed(o.Concurrency, o.Warmup, Endpoint);
        await Load.Closed(o.Concurrency, o.Warmup, Direct);
        var (endpoint, raw) = await Load.Alternating(o.Rounds, o.Concurrency, o.Duration, Endpoint, host, Direct, null);
        var (half, rawAtHalf) = await Load.AlternatingAtRate(o.LatencyRounds, endpoint.RequestsPerSecond / 2, o.Concurrency * 4, o.Duration,
            Endpoint, host, Direct, null, r => r.P95Ms);
        var plans = new Dictionary<string, string>();
        foreach (var (name, query) in new[] { ("client", queries[0]), ("firm", queries[1]), ("firm and member", queries[2]), ("everything", queries[3]) })
            plans[name] = await Plan(database, query);
        return
        [
            Row.Throughput($"GET /audit/access ({o.AuditEntries:N0} entries)", endpoint, "the same SQL, raw Npgsql", raw, 0.50) with { Details = new { endpoint, raw, plans } },
            // No absolute target: the floor is the statement itself on this machine; the endpoint may add at most as much again.
            Row.LatencyTimes("audit read p95 at half of max load", half, r => r.P95Ms, "p95", 2.0, "the same SQL raw at the same rate", rawAtHalf),
        ];
    }

    private static Guid Key(int n) => Guid.Parse($"00000000-0000-4000-8000-{n:x12}");

    private static string QueryString(AuditQuery q) => "?limit=50" +
        (q.ClientAccountId is { } c ? $"&clientAccountId={c}" : "") + (q.PartnerAccountId is { } f ? $"&partnerAccountId={f}" : "") +
        (q.UserId is { } u ? $"&userId={u}" : "");

    private static async Task<string> Plan(NpgsqlDataSource database, AuditQuery query)
    {
        await using var read = AuditReads.Command(query, database);
        await using var explain = database.CreateCommand("explain (analyze, costs off, timing off) " + read.CommandText);
        foreach (NpgsqlParameter p in read.Parameters) explain.Parameters.Add(p.Clone());
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join("\n", lines);
    }

    /// <summary>Entries written straight into the trail's table (with its columns), once: later runs reuse them.</summary>
    private static async Task Seed(NpgsqlDataSource database, int entries)
    {
        await using (var count = database.CreateCommand("select count(*) from access.mt_doc_auditentry where actor like 'bench-member-%'"))
            if ((long)(await count.ExecuteScalarAsync())! >= entries) return;
        Console.WriteLine($"  seeding {entries:N0} audit entries...");
        for (var from = 0; from < entries; from += 100_000)
        {
            await using var insert = database.CreateCommand($"""
                insert into access.mt_doc_auditentry (id, data, mt_dotnet_type, sort_key, client_account_id, partner_account_id, member, actor)
                select id, jsonb_build_object('Id', id, 'Type', type, 'At', at, 'SortKey', sort_key, 'ClientAccountId', client, 'PartnerAccountId', firm,
                         'CollaborationId', null, 'Actor', actor, 'Member', member, 'RoleBefore', null, 'RoleAfter', 'accountant',
                         'Permissions', null, 'ExpiresAt', null, 'Reason', null, 'CorrelationId', null),
                       'Holded.Partners.Access.Audit.AuditEntry', sort_key, client, firm, member, actor
                from (select id, type, at, client, firm, member, member as actor,
                             lpad((floor(extract(epoch from at) * 1000000)::numeric * 10 + 621355968000000000)::text, 20, '0') || '_' || replace(id::text, '-', '') as sort_key
                      from (select gen_random_uuid() as id,
                                   (array['session_opened', 'access_denied', 'grant_changed'])[1 + g % 3] as type,
                                   now() - make_interval(secs => g) as at,
                                   ('00000000-0000-4000-8000-' || lpad(to_hex(g % {Clients}), 12, '0'))::uuid as client,
                                   ('00000000-0000-4000-8000-' || lpad(to_hex(g % {Firms}), 12, '0'))::uuid as firm,
                                   'bench-member-' || (g % {Members}) as member
                            from generate_series({from + 1}, {Math.Min(entries, from + 100_000)}) g) e) x
                """);
            insert.CommandTimeout = 600;
            await insert.ExecuteNonQueryAsync();
        }
        await using var analyze = database.CreateCommand("analyze access.mt_doc_auditentry");
        await analyze.ExecuteNonQueryAsync();
    }
}
