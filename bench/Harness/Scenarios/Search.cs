using System.Text.Json;
using Holded.Partners.Kernel;
using Holded.Partners.Marketplace.Listings;
using Npgsql;

namespace Holded.Partners.Bench.Scenarios;

/// <summary>
/// The public directory search over many listings: GET /api/v1/directory/partners of the real host against the exact
/// statement it runs, raw through Npgsql, at the same concurrency.
/// </summary>
public static class Search
{
    public static async Task<IReadOnlyList<Row>> Run(NpgsqlDataSource database, Server host, Options o)
    {
        Console.WriteLine($"  seeding {o.Listings:N0} listings...");
        await Seed.Run(database, o.Listings);
        var queries = Workload.Queries(seed: 7, count: 400);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Concurrency }) { BaseAddress = new Uri(host.Url) };
        Task Endpoint(int worker, long n) => Http(http, queries[(int)((n * o.Concurrency + worker) % queries.Count)]);
        Task Direct(int worker, long n) => Raw(database, queries[(int)((n * o.Concurrency + worker) % queries.Count)]);

        await Load.Closed(o.Concurrency, o.Warmup, Endpoint);
        await Load.Closed(o.Concurrency, o.Warmup, Direct);
        var (endpoint, raw) = await Load.Alternating(o.Rounds, o.Concurrency, o.Duration, Endpoint, host, Direct, null);
        // Latency at a load the host can sustain (half its maximum), as for the check: at saturation it only measures the queue.
        var (half, rawAtHalf) = await Load.AlternatingAtRate(o.LatencyRounds, endpoint.RequestsPerSecond / 2, o.Concurrency * 4, o.Duration,
            Endpoint, host, Direct, null, r => r.P95Ms);
        return
        [
            Row.Throughput($"GET /directory/partners ({o.Listings:N0})", endpoint, "the same SQL, raw Npgsql", raw, 0.50),
            Row.LatencyTimes("search p95 at half of max load", half, r => r.P95Ms, "p95", 1.2, "the same SQL raw at the same rate", rawAtHalf),
        ];
    }

    private static async Task Http(HttpClient http, ListingQuery q)
    {
        using var response = await http.GetAsync("/api/v1/directory/partners" + Workload.QueryString(q));
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task Raw(NpgsqlDataSource database, ListingQuery q)
    {
        // The exact statement the endpoint runs, with the same parameters; rows read as text, as the endpoint reads them.
        await using var command = ListingSearch.Command(database, q);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) _ = reader.GetString(0);
    }
}

static class Workload
{
    private static readonly string[] Words =
        ["contabilidad", "nóminas", "impuestos", "autónomos", "pymes", "hostelería", "auditoría", "laboral", "sociedades", "fiscal"];

    /// <summary>A fixed mix: free text alone, filters alone, both, and later pages.</summary>
    public static IReadOnlyList<ListingQuery> Queries(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => new ListingQuery
        {
            Q = i % 3 == 0 ? null : Words[random.Next(Words.Length)],
            Province = i % 2 == 0 ? Catalogs.ProvinceCodes[random.Next(Catalogs.ProvinceCodes.Count)] : null,
            Service = i % 4 == 1 ? Catalogs.Services[random.Next(Catalogs.Services.Count)] : null,
            Page = i % 5 == 0 ? 2 : 1,
            PageSize = 20,
        }).ToList();
    }

    public static string QueryString(ListingQuery q)
    {
        var parts = new List<string>();
        if (q.Q is { } text) parts.Add("q=" + Uri.EscapeDataString(text));
        if (q.Province is { } p) parts.Add("province=" + p);
        if (q.Service is { } s) parts.Add("service=" + s);
        parts.Add($"page={q.Page}&pageSize={q.PageSize}");
        return "?" + string.Join('&', parts);
    }
}

static class Seed
{
    private static readonly string[] Names = ["Gestoría", "Asesoría", "Consultores", "Asesores", "Despacho", "Economistas", "Tributos", "Cuentas"];
    private static readonly string[] Places = ["del Sur", "Norte", "Centro", "Levante", "Atlántico", "Mediterráneo", "Sierra", "Valle", "Costa", "Ribera"];
    private static readonly string[] Phrases =
    [
        "Contabilidad y fiscalidad para pymes y autónomos.", "Nóminas, seguros sociales y asesoría laboral.",
        "Constitución de sociedades y asesoría mercantil.", "Auditoría de cuentas para medianas empresas.",
        "Especialistas en hostelería y comercio.", "Impuestos trimestrales y renta.", "CFO externo para startups en crecimiento.",
        "Implantación de ERP y digitalización de la contabilidad.", "Ayudas y subvenciones para empresas.",
    ];

    /// <summary>Replaces the listings with N visible ones spread over provinces, services and sectors (deterministic).</summary>
    public static async Task Run(NpgsqlDataSource database, int count)
    {
        var random = new Random(42);
        await using var connection = await database.OpenConnectionAsync();
        await using (var clear = new NpgsqlCommand("truncate marketplace.mt_doc_listing, marketplace.listing_search", connection))
            await clear.ExecuteNonQueryAsync();
        await using var writer = await connection.BeginTextImportAsync("copy marketplace.mt_doc_listing (id, data, mt_dotnet_type) from stdin");
        for (var i = 0; i < count; i++)
        {
            var listing = new Listing
            {
                Id = Guid.CreateVersion7(),
                Slug = $"firma-{i}",
                RevisionId = Guid.NewGuid(),
                PublishedAt = DateTimeOffset.UtcNow,
                DisplayName = $"{Names[random.Next(Names.Length)]} {Places[random.Next(Places.Length)]} {i}",
                Description = string.Join(' ', Enumerable.Range(0, 2 + random.Next(4)).Select(_ => Phrases[random.Next(Phrases.Length)])),
                Services = [.. Catalogs.Services.OrderBy(_ => random.Next()).Take(1 + random.Next(4))],
                Sectors = [.. Catalogs.Sectors.OrderBy(_ => random.Next()).Take(random.Next(3))],
                Provinces = [.. Catalogs.ProvinceCodes.OrderBy(_ => random.Next()).Take(1 + random.Next(3))],
                Languages = ["es", .. random.Next(3) == 0 ? new[] { "en" } : []],
                TeamSize = random.Next(3) == 0 ? null : 1 + random.Next(60),
                Website = random.Next(2) == 0 ? $"https://firma{i}.es" : null,
                ContactEmail = $"hola@firma{i}.es",
                SubscriptionStatus = "active",
            };
            listing.Refresh();
            var json = JsonSerializer.Serialize(listing).Replace("\\", "\\\\");
            await writer.WriteLineAsync($"{listing.Id}\t{json}\t{typeof(Listing).FullName}");
        }
        await writer.DisposeAsync();
        // The search rows, as ListingSearchTable.Save writes them one by one, in one statement.
        await using (var search = new NpgsqlCommand("""
            insert into marketplace.listing_search (id, visible, vector, facets, completeness, display_name)
            select id, (data ->> 'Visible')::boolean,
                   setweight(to_tsvector('spanish', lower(data ->> 'DisplayName')), 'A') || setweight(to_tsvector('spanish', data ->> 'SearchText'), 'C'),
                   jsonb_build_object('Services', data -> 'Services', 'Provinces', data -> 'Provinces',
                                      'Languages', data -> 'Languages', 'Sectors', data -> 'Sectors'),
                   (data ->> 'Completeness')::int, data ->> 'DisplayName'
            from marketplace.mt_doc_listing
            """, connection)) await search.ExecuteNonQueryAsync();
        await using var analyze = new NpgsqlCommand("analyze marketplace.mt_doc_listing; analyze marketplace.listing_search", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
