// Directory search benchmark: N listings, the public search endpoint of the real host (a separate process, over
// loopback HTTP) against the same SQL run raw through Npgsql, at the same concurrency, in the same run.
// Prints a table of latencies and throughput with the endpoint/raw ratios, and writes it as JSON.
//
//   dotnet run -c Release --project bench/Search -- --host-url http://127.0.0.1:5090 --connection "..." [--listings 10000]
//
// bench/search.sh starts a PostgreSQL and the host for you.

using System.Diagnostics;
using System.Text.Json;
using Holded.Partners.Kernel;
using Holded.Partners.Marketplace.Listings;
using Npgsql;

var options = Options.Parse(args);
await using var database = NpgsqlDataSource.Create(options.Connection);

Console.WriteLine($"Seeding {options.Listings:N0} listings...");
await Seed.Run(database, options.Listings);

var queries = Workload.Queries(seed: 7, count: 400);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency }) { BaseAddress = new Uri(options.HostUrl) };

// Warm both paths (JIT, plans, pools) before measuring.
await Runner.Run(options.Concurrency, TimeSpan.FromSeconds(3), queries, q => Http(http, q));
await Runner.Run(options.Concurrency, TimeSpan.FromSeconds(3), queries, q => Raw(database, q));

var endpoint = await Runner.Run(options.Concurrency, options.Duration, queries, q => Http(http, q));
var raw = await Runner.Run(options.Concurrency, options.Duration, queries, q => Raw(database, q));

var report = new
{
    scenario = "directory search",
    listings = options.Listings,
    concurrency = options.Concurrency,
    seconds = options.Duration.TotalSeconds,
    endpoint,
    raw,
    ratios = new
    {
        throughput = Math.Round(endpoint.RequestsPerSecond / raw.RequestsPerSecond, 3),
        p95 = Math.Round(endpoint.P95Ms / raw.P95Ms, 3),
    },
};
Console.WriteLine();
Console.WriteLine($"{"path",-22}{"req/s",10}{"p50 ms",10}{"p95 ms",10}{"p99 ms",10}{"errors",8}");
foreach (var (name, r) in new[] { ("GET /directory/partners", endpoint), ("raw SQL (Npgsql)", raw) })
    Console.WriteLine($"{name,-22}{r.RequestsPerSecond,10:F0}{r.P50Ms,10:F2}{r.P95Ms,10:F2}{r.P99Ms,10:F2}{r.Errors,8}");
Console.WriteLine($"endpoint/raw: throughput {report.ratios.throughput:P0}, p95 {report.ratios.p95:F2}x");
Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
await File.WriteAllTextAsync(options.Output, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"written to {options.Output}");
return endpoint.Errors == 0 ? 0 : 1;

static async Task Http(HttpClient http, ListingQuery q)
{
    using var response = await http.GetAsync("/api/v1/directory/partners" + Workload.QueryString(q));
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
}

static async Task Raw(NpgsqlDataSource database, ListingQuery q)
{
    // The exact statement the endpoint runs, with the same parameters; rows read as text, as the endpoint reads them.
    var text = ListingSearch.Fold(q.Q ?? "");
    await using var command = database.CreateCommand(ListingSearch.Sql(text.Length > 0));
    var filter = new Dictionary<string, object>();
    if (q.Service is { } s) filter["Services"] = new[] { s };
    if (q.Province is { } p) filter["Provinces"] = new[] { p };
    if (text.Length > 0) command.Parameters.AddWithValue("q", text);
    command.Parameters.AddWithValue("filter", JsonSerializer.Serialize(filter));
    command.Parameters.AddWithValue("limit", q.PageSize ?? 20);
    command.Parameters.AddWithValue("offset", ((q.Page ?? 1) - 1) * (q.PageSize ?? 20));
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync()) _ = reader.GetString(0);
}

sealed record Options(string HostUrl, string Connection, int Listings, int Concurrency, TimeSpan Duration, string Output)
{
    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new Options(
            Value("--host-url", "http://127.0.0.1:5090"),
            Value("--connection", Environment.GetEnvironmentVariable("ConnectionStrings__Partners") ?? ""),
            int.Parse(Value("--listings", "10000")),
            int.Parse(Value("--concurrency", "8")),
            TimeSpan.FromSeconds(int.Parse(Value("--seconds", "10"))),
            Value("--output", "bench/results/search.json"));
    }
}

sealed record Result(long Requests, long Errors, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms);

static class Runner
{
    /// <summary>Bounded in time: each worker loops over the queries until the duration is up.</summary>
    public static async Task<Result> Run(int concurrency, TimeSpan duration, IReadOnlyList<ListingQuery> queries, Func<ListingQuery, Task> call)
    {
        var latencies = new List<double>[concurrency];
        long errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            for (var i = worker; clock.Elapsed < duration; i += concurrency)
            {
                var started = Stopwatch.GetTimestamp();
                try { await call(queries[i % queries.Count]); }
                catch (Exception) { Interlocked.Increment(ref errors); }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double At(double p) => all.Length == 0 ? 0 : Math.Round(all[Math.Min(all.Length - 1, (int)(p * all.Length))], 2);
        return new Result(all.Length, errors, Math.Round(all.Length / clock.Elapsed.TotalSeconds, 1), At(0.50), At(0.95), At(0.99));
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
