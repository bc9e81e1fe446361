using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Holded.Partners.Bench.Scenarios;

/// <summary>
/// POST /api/v1/access/check (an ERP service asking about a firm's member) against a plain ASP.NET Core endpoint
/// returning constant JSON with the same server settings: the throughput ratio at full load, then the check's p99 at
/// half of its own maximum rate, beside the constant endpoint's p99 at that same rate. Then the same check with half of
/// the questions denied against all allowed, and batches of questions against single checks, each in the same run.
/// </summary>
public static class Check
{
    public const int BatchSize = 100;

    public static async Task<IReadOnlyList<Row>> Run(HostApi api, Server host, Server baseline, Options o)
    {
        var firm = await api.PublishedFirm();
        var client = await api.BusinessTalkingTo(firm);
        await api.Collaborating(firm, client);
        var erp = api.Token("bench-erp", null, scope: "partners.access.check");
        var body = JsonSerializer.Serialize(new { userId = firm.AdminId, clientAccountId = client.Id, section = "accounting", action = "write" });
        // Refused and recorded (an accountant writes no invoices): a denial of someone who works for the client.
        var denied = JsonSerializer.Serialize(new { userId = firm.AdminId, clientAccountId = client.Id, section = "invoicing", action = "write" });
        var batch = JsonSerializer.Serialize(new
        {
            checks = Enumerable.Range(0, BatchSize).Select(i => new { userId = firm.AdminId, clientAccountId = client.Id, section = i % 2 == 0 ? "accounting" : "invoicing", action = "read" }),
        });

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Concurrency });
        async Task Post(string url, string? token, string? content = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(content ?? body, Encoding.UTF8, "application/json") };
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }
        Task Endpoint(int _, long __) => Post($"{host.Url}/api/v1/access/check", erp);
        Task Constant(int _, long __) => Post($"{baseline.Url}/check", null);
        Task HalfDenied(int _, long n) => Post($"{host.Url}/api/v1/access/check", erp, n % 2 == 0 ? body : denied);
        Task Batch(int _, long __) => Post($"{host.Url}/api/v1/access/checks", erp, batch);

        await Load.Closed(o.Concurrency, o.Warmup, Endpoint);
        await Load.Closed(o.Concurrency, o.Warmup, Constant);
        var (endpoint, ceiling) = await Load.Alternating(o.Rounds, o.Concurrency, o.Duration, Endpoint, host, Constant, baseline);
        var (half, constantAtHalf) = await Load.AlternatingAtRate(o.LatencyRounds, endpoint.RequestsPerSecond / 2, o.Concurrency * 4, o.Duration,
            Endpoint, host, Constant, baseline, r => r.P99Ms);
        // Denials: half of the checks refused (each recorded for the trail) against all allowed, alternately.
        await Load.Closed(o.Concurrency, o.Warmup, HalfDenied);
        var (halfDenied, allowed) = await Load.Alternating(o.Rounds, o.Concurrency, o.Duration, HalfDenied, host, Endpoint, host);
        // Many questions per request: questions answered per second against single checks, alternately.
        await Load.Closed(o.Concurrency, o.Warmup, Batch);
        var (batched, single) = await Load.Alternating(o.Rounds, o.Concurrency, o.Duration, Batch, host, Endpoint, host);
        return
        [
            Row.Throughput("POST /access/check", endpoint, "constant JSON, same server", ceiling, 0.60),
            Row.Throughput("check, half of them denied", halfDenied, "all allowed, same run", allowed, 0.70),
            Row.Share($"POST /access/checks ({BatchSize} per request)", Math.Round(batched.RequestsPerSecond * BatchSize), "questions/s",
                "single checks, same run", single.RequestsPerSecond, 10.0, new { batched, single }) with { Measured = batched },
            Row.LatencyTimes("check p99 at half of max load", half, r => r.P99Ms, "p99", 1.25, "constant JSON at the same rate", constantAtHalf),
        ];
    }
}
