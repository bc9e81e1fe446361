using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marten;

namespace Holded.Partners.Bench.Scenarios;

/// <summary>
/// The ERP's heaviest traffic: section reports of pending work, about one in ten changing something (the rest say what
/// was said last, and record nothing). Single reports (PUT per client and section) and bulk ones (POST /pending-work,
/// many per request) against raw Marten appending one such event per session, in the same run. Each worker reports its
/// own clients, as the ERP's partitions would, so two writers never meet on one client.
/// </summary>
public static class PendingWorkIngest
{
    public sealed record RawPendingWorkReported(Guid ClientAccountId, string Section, IReadOnlyList<object> Items);

    public sealed record Said(Guid ClientAccountId, string Section, object[] Items);

    public const int ClientsPerWorker = 20;
    private static readonly IReadOnlyList<string> Sections = Holded.Partners.Kernel.Catalogs.Sections;
    private static int PerRequest => ClientsPerWorker * Sections.Count;

    public static async Task<IReadOnlyList<Row>> Run(HostApi api, Server host, string connection, Options o)
    {
        var erp = api.Token("bench-erp", null, scope: "partners.pending-work.write");
        var clients = new Guid[o.Concurrency][];
        for (var w = 0; w < o.Concurrency; w++)
        {
            clients[w] = new Guid[ClientsPerWorker];
            for (var i = 0; i < ClientsPerWorker; i++) clients[w][i] = await api.Business();
        }
        // Per worker, each of its client sections' content: the n-th report of a worker changes it when n % 10 == 0,
        // so one report in ten records something. A worker's reports are its own, in sequence: no two writers meet.
        var generations = clients.Select(c => new long[c.Length * Sections.Count]).ToArray();
        Said Report(int worker, long n)
        {
            var slot = (int)(n % generations[worker].Length);
            if (n % 10 == 0) generations[worker][slot]++;
            return new Said(clients[worker][slot / Sections.Count], Sections[slot % Sections.Count], Items(generations[worker][slot]));
        }
        static object[] Items(long generation) =>
            [.. Enumerable.Range(0, 3).Select(i => new { id = $"item-{i}", title = i == 0 ? $"Asiento {generation}" : $"Asiento fijo {i}", link = $"/accounting/{i}" })];

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Concurrency }) { BaseAddress = new Uri(host.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", erp);
        async Task Single(int worker, long n)
        {
            var r = Report(worker, n);
            using var response = await http.PutAsJsonAsync($"/api/v1/clients/{r.ClientAccountId}/pending-work/{r.Section}", new { items = r.Items });
            response.EnsureSuccessStatusCode();
        }
        async Task Bulk(int worker, long n)
        {
            using var response = await http.PostAsJsonAsync("/api/v1/pending-work", new { reports = Enumerable.Range(0, PerRequest).Select(i => Report(worker, n * PerRequest + i)).ToList() });
            response.EnsureSuccessStatusCode();
        }

        // Every client's sections reported once, and heard of (its account reaches the module a moment after it is made).
        for (var w = 0; w < o.Concurrency; w++)
        {
            var worker = w;
            await HostApi.Eventually(async () =>
            {
                var answer = await api.Call(HttpMethod.Post, "/api/v1/pending-work", erp,
                    new { reports = Enumerable.Range(0, PerRequest).Select(i => Report(worker, i)).ToList() });
                return answer["refused"]!.GetValue<int>() == 0 ? true : throw new InvalidOperationException("a client is not heard of yet");
            });
        }

        await using var store = await RawMarten.OpenAsync(connection);
        var streams = clients.Select(c => c.Select(_ => Guid.CreateVersion7()).ToArray()).ToArray();
        async Task Append(int worker, long n)
        {
            await using var session = store.LightweightSession();
            var slot = (int)(n % (ClientsPerWorker * Sections.Count));
            var stream = streams[worker][slot / Sections.Count];
            session.Events.Append(stream, new RawPendingWorkReported(stream, Sections[slot % Sections.Count], Items(n)));
            await session.SaveChangesAsync();
        }

        await Load.Closed(o.Concurrency, o.Warmup, Single, host);
        await Load.Closed(o.Concurrency, o.Warmup, Append);
        var (single, raw) = await Load.Alternating(o.Rounds, o.Concurrency, o.Duration, Single, host, Append, null);
        await Load.Closed(o.Concurrency, o.Warmup, Bulk, host);
        var (bulk, rawAgain) = await Load.Alternating(o.Rounds, o.Concurrency, o.Duration, Bulk, host, Append, null);
        var reports = Math.Round(bulk.RequestsPerSecond * PerRequest);
        return
        [
            Row.Throughput("PUT /clients/{id}/pending-work/{s}", single, "raw Marten append, 1 event/session", raw, 0.50),
            bulk.Errors == 0
                ? Row.AtLeast($"POST /pending-work ({PerRequest} per request)", reports, "reports/s", 5000, "raw Marten append, 1 event/session", rawAgain.RequestsPerSecond, new { bulk, raw = rawAgain }) with { Measured = bulk }
                : Row.AtLeast($"POST /pending-work ({PerRequest} per request)", 0, "reports/s", 5000, "raw Marten append (errors in the bulk run)", rawAgain.RequestsPerSecond, new { bulk }),
        ];
    }
}
