// Access check benchmark: seeds a firm, a client, a collaboration and a grant through the host's own API, then drives
// POST /api/v1/access/check and the baseline's POST /check at the same concurrency, bounded in time, and prints req/s
// and latency percentiles with the ratio; writes bench/results/check.json.
//
//   bench/check.sh [--concurrency 8] [--seconds 10]

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

string Arg(string name, string fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
var hostUrl = Arg("--host-url", "http://127.0.0.1:5091");
var baselineUrl = Arg("--baseline-url", "http://127.0.0.1:5092");
var key = Arg("--signing-key", "");
var concurrency = int.Parse(Arg("--concurrency", "8"));
var duration = TimeSpan.FromSeconds(int.Parse(Arg("--seconds", "10")));
var output = Arg("--output", "bench/results/check.json");
var hostPid = int.Parse(Arg("--host-pid", "0"));
var baselinePid = int.Parse(Arg("--baseline-pid", "0"));

string Token(string sub, string? email, string? role, string? scope)
{
    var claims = new List<Claim> { new("sub", sub) };
    if (email is not null) { claims.Add(new("email", email)); claims.Add(new("email_verified", "true", ClaimValueTypes.Boolean)); claims.Add(new("name", email)); }
    if (role is not null) claims.Add(new("platform_role", role));
    if (scope is not null) claims.Add(new("scope", scope));
    return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "holded-partners-dev", Audience = "holded-partners", Subject = new ClaimsIdentity(claims), Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });
}

using var api = new HttpClient { BaseAddress = new Uri(hostUrl) };
async Task<JsonNode> Call(HttpMethod method, string url, string token, object? body = null)
{
    using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await api.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {text}");
    return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
}
async Task Eventually(Func<Task<bool>> condition)
{
    for (var i = 0; i < 100 && !await condition(); i++) await Task.Delay(100); // seeding only: the modules hear of it from queues
}

Console.WriteLine("Seeding a firm, a client, a collaboration and a grant...");
var run = Guid.NewGuid().ToString("N")[..8];
string Cif(int seed) { var d = (1_000_000 + seed).ToString("D7"); var s = 0; for (var i = 0; i < 7; i++) { var v = d[i] - '0'; s += i % 2 == 0 ? v * 2 / 10 + v * 2 % 10 : v; } return $"B{d}{(10 - s % 10) % 10}"; }
var seed = Random.Shared.Next(1, 8_000_000);
var admin = Token($"bench-admin-{run}", $"admin-{run}@bench.es", null, null);
var owner = Token($"bench-owner-{run}", $"owner-{run}@bench.es", null, null);
var operatorToken = Token($"bench-op-{run}", $"op-{run}@bench.es", "operator", null);
var reviewer = Token($"bench-rev-{run}", $"rev-{run}@bench.es", "reviewer", null);
var erp = Token("bench-erp", null, null, "partners.access.check");
var address = new { street = "Calle 1", city = "Madrid", postalCode = "28001", province = "madrid" };
var firm = (await Call(HttpMethod.Post, "/api/v1/accounts", admin, new { kind = "advisory", advisoryType = "gestoria", legalName = "Bench Gestoría", taxId = Cif(seed), contact = new { name = "A", email = $"admin-{run}@bench.es" }, address }))["value"]!.GetValue<Guid>();
await Call(HttpMethod.Put, $"/api/v1/accounts/{firm}/subscription", operatorToken, new { status = "active" });
var application = (await Call(HttpMethod.Post, "/api/v1/partner-applications", admin, new { accountId = firm }))["value"]!.GetValue<Guid>();
await Call(HttpMethod.Post, $"/api/v1/partner-applications/{application}/approve", reviewer);
await Call(HttpMethod.Put, $"/api/v1/partners/{firm}/profile", admin, new { displayName = "Bench Gestoría", description = new string('x', 60) + " contabilidad", services = new[] { "bookkeeping" }, provinces = new[] { "madrid" }, languages = new[] { "es" }, contactEmail = "a@bench.es" });
var revision = (await Call(HttpMethod.Post, $"/api/v1/partners/{firm}/profile/submit", admin))["pending"]!["revisionId"]!.GetValue<Guid>();
await Call(HttpMethod.Post, $"/api/v1/profile-reviews/{revision}/approve", reviewer);
var business = (await Call(HttpMethod.Post, "/api/v1/accounts", owner, new { kind = "business", plan = "premium", legalName = "Bench SL", taxId = Cif(seed + 1), contact = new { name = "O", email = $"owner-{run}@bench.es" }, address }))["value"]!.GetValue<Guid>();
Guid conversation = Guid.Empty;
await Eventually(async () =>
{
    try { conversation = (await Call(HttpMethod.Post, "/api/v1/conversations", owner, new { clientAccountId = business, partnerAccountId = firm, message = "hola" }))["value"]!.GetValue<Guid>(); return true; }
    catch (InvalidOperationException) { return false; }
});
await Call(HttpMethod.Post, $"/api/v1/conversations/{conversation}/collaboration-request", owner, new { });
await Call(HttpMethod.Post, $"/api/v1/conversations/{conversation}/collaboration-request/accept", admin, new { confirm = true });
Guid collaboration = Guid.Empty;
await Eventually(async () =>
{
    var items = (await Call(HttpMethod.Get, $"/api/v1/clients/{business}/collaborations", owner))["items"]!.AsArray();
    if (items.Count == 0) return false;
    collaboration = items[0]!["id"]!.GetValue<Guid>();
    return true;
});
await Eventually(async () =>
{
    try { await Call(HttpMethod.Put, $"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" }); return true; }
    catch (InvalidOperationException) { return false; }
});

var adminId = $"bench-admin-{run}";
var body = JsonSerializer.Serialize(new { userId = adminId, clientAccountId = business, section = "accounting", action = "write" });
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency };
using var http = new HttpClient(handler);
async Task Check(string url, string? token)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
}
var first = await (await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{hostUrl}/api/v1/access/check")
{
    Content = new StringContent(body, Encoding.UTF8, "application/json"), Headers = { Authorization = new AuthenticationHeaderValue("Bearer", erp) },
})).Content.ReadAsStringAsync();
Console.WriteLine($"check answers: {first}");

await Measure(TimeSpan.FromSeconds(3), 0, () => Check($"{hostUrl}/api/v1/access/check", erp));
await Measure(TimeSpan.FromSeconds(3), 0, () => Check($"{baselineUrl}/check", null));
var endpoint = await Measure(duration, hostPid, () => Check($"{hostUrl}/api/v1/access/check", erp));
var baseline = await Measure(duration, baselinePid, () => Check($"{baselineUrl}/check", null));
var ratio = Math.Round(endpoint.rps / baseline.rps, 3);
Console.WriteLine();
Console.WriteLine($"{"path",-26}{"req/s",10}{"p50 ms",10}{"p95 ms",10}{"p99 ms",10}{"errors",8}{"server CPU µs/req",19}");
Console.WriteLine($"{"POST /api/v1/access/check",-26}{endpoint.rps,10:F0}{endpoint.p50,10:F2}{endpoint.p95,10:F2}{endpoint.p99,10:F2}{endpoint.errors,8}{endpoint.cpuPerRequest,19:F0}");
Console.WriteLine($"{"constant JSON (baseline)",-26}{baseline.rps,10:F0}{baseline.p50,10:F2}{baseline.p95,10:F2}{baseline.p99,10:F2}{baseline.errors,8}{baseline.cpuPerRequest,19:F0}");
Console.WriteLine($"check/baseline: throughput {ratio:P0} (target ≥ 60%)");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new { scenario = "access check", concurrency, seconds = duration.TotalSeconds, endpoint, baseline, ratio },
    new JsonSerializerOptions { WriteIndented = true, IncludeFields = true }));
return endpoint.errors == 0 ? 0 : 1;

// Server CPU per request (user + system time from /proc, in clock ticks of 10 ms): what the server spends on each
// answer, whatever the load generator on the same cores costs.
double CpuSeconds(int pid)
{
    if (pid == 0 || !File.Exists($"/proc/{pid}/stat")) return double.NaN;
    var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
}

async Task<(double rps, double p50, double p95, double p99, long errors, double cpuPerRequest)> Measure(TimeSpan length, int pid, Func<Task> call)
{
    var cpuBefore = CpuSeconds(pid);
    var latencies = new List<double>[concurrency];
    long errors = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
    {
        var mine = latencies[w] = [];
        while (clock.Elapsed < length)
        {
            var started = Stopwatch.GetTimestamp();
            try { await call(); } catch (Exception) { Interlocked.Increment(ref errors); }
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }));
    var all = latencies.SelectMany(l => l).Order().ToArray();
    double At(double p) => Math.Round(all[Math.Min(all.Length - 1, (int)(p * all.Length))], 2);
    return (Math.Round(all.Length / clock.Elapsed.TotalSeconds, 1), At(0.5), At(0.95), At(0.99), errors,
        Math.Round((CpuSeconds(pid) - cpuBefore) * 1_000_000 / all.Length, 1));
}
