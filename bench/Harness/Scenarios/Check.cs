using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Holded.Partners.Bench.Scenarios;

/// <summary>
/// POST /api/v1/access/check (an ERP service asking about a firm's member) against a plain ASP.NET Core endpoint
/// returning constant JSON with the same server settings: the throughput ratio at full load, then the check's p99 at
/// half of its own maximum rate, beside the constant endpoint's p99 at that same rate.
/// </summary>
public static class Check
{
    public static async Task<IReadOnlyList<Row>> Run(HostApi api, Server host, Server baseline, Options o)
    {
        var firm = await api.PublishedFirm();
        var client = await api.BusinessTalkingTo(firm);
        await api.Collaborating(firm, client);
        var erp = api.Token("bench-erp", null, scope: "partners.access.check");
        var body = JsonSerializer.Serialize(new { userId = firm.AdminId, clientAccountId = client.Id, section = "accounting", action = "write" });

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Concurrency });
        async Task Post(string url, string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }
        Task Endpoint(int _, long __) => Post($"{host.Url}/api/v1/access/check", erp);
        Task Constant(int _, long __) => Post($"{baseline.Url}/check", null);

        await Load.Closed(o.Concurrency, o.Warmup, Endpoint);
        await Load.Closed(o.Concurrency, o.Warmup, Constant);
        var (endpoint, ceiling) = await Load.Alternating(o.Rounds, o.Concurrency, o.Duration, Endpoint, host, Constant, baseline);
        var (half, constantAtHalf) = await Load.AlternatingAtRate(o.Rounds, endpoint.RequestsPerSecond / 2, o.Concurrency * 4, o.Duration,
            Endpoint, host, Constant, baseline, r => r.P99Ms);
        return
        [
            Row.Throughput("POST /access/check", endpoint, "constant JSON, same server", ceiling, 0.60),
            Row.Latency("check p99 at half of max load", half, r => r.P99Ms, "p99 ms", 5.0, "constant JSON at the same rate", constantAtHalf),
        ];
    }
}
