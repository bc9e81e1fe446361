using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Holded.Partners.Bench;

/// <summary>A firm in the marketplace, seeded through the API: its id, and its administrator's user id and token.</summary>
public sealed record Firm(Guid Id, string AdminId, string Admin);

/// <summary>A business talking to a firm: its id, its owner's token, and their conversation.</summary>
public sealed record Client(Guid Id, string Owner, Guid Conversation);

/// <summary>The host's own API, used to seed what a scenario needs, so every rule and every module's consequence applies.</summary>
public sealed class HostApi(string url, string signingKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(url) };
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private int _seed = Random.Shared.Next(1, 8_000_000);

    /// <summary>The client id the benchmark's service tokens carry, listed in the host's Auth:ServiceClients.</summary>
    public const string ServiceClient = "bench-erp";

    public string Token(string sub, string? email, string? role = null, string? scope = null)
    {
        var claims = new List<Claim> { new("sub", sub) };
        if (email is not null) { claims.Add(new("email", email)); claims.Add(new("email_verified", "true", ClaimValueTypes.Boolean)); claims.Add(new("name", email)); }
        if (role is not null) claims.Add(new("platform_role", role));
        if (scope is not null) { claims.Add(new("scope", scope)); claims.Add(new("client_id", ServiceClient)); }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "holded-partners-dev", Audience = "holded-partners", Subject = new ClaimsIdentity(claims), Expires = DateTime.UtcNow.AddHours(2),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    public async Task<JsonNode> Call(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Seeding only: other modules hear of what was just done from durable queues, a moment later.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> attempt)
    {
        for (var i = 0; ; i++)
        {
            try { return await attempt(); }
            catch (Exception) when (i < 100) { await Task.Delay(100); }
        }
    }

    public async Task<Firm> PublishedFirm()
    {
        var n = Interlocked.Increment(ref _seed);
        var adminId = $"bench-admin-{_run}-{n}";
        var admin = Token(adminId, $"{adminId}@bench.es");
        var platform = Token($"bench-op-{_run}", $"op-{_run}@bench.es", "operator");
        var reviewer = Token($"bench-rev-{_run}", $"rev-{_run}@bench.es", "reviewer");
        var firm = (await Call(HttpMethod.Post, "/api/v1/accounts", admin, new
        {
            kind = "advisory", advisoryType = "gestoria", legalName = $"Bench Gestoría {n}", taxId = Cif(n),
            contact = new { name = "A", email = $"{adminId}@bench.es" }, address = Address,
        }))["value"]!.GetValue<Guid>();
        await Call(HttpMethod.Put, $"/api/v1/accounts/{firm}/subscription", platform, new { status = "active" });
        var application = (await Call(HttpMethod.Post, "/api/v1/partner-applications", admin, new { accountId = firm }))["value"]!.GetValue<Guid>();
        await Call(HttpMethod.Post, $"/api/v1/partner-applications/{application}/approve", reviewer);
        await Call(HttpMethod.Put, $"/api/v1/partners/{firm}/profile", admin, new
        {
            displayName = $"Bench Gestoría {n}", description = new string('x', 60) + " contabilidad", services = new[] { "bookkeeping" },
            provinces = new[] { "madrid" }, languages = new[] { "es" }, contactEmail = "a@bench.es",
        });
        var revision = (await Call(HttpMethod.Post, $"/api/v1/partners/{firm}/profile/submit", admin))["pending"]!["revisionId"]!.GetValue<Guid>();
        await Call(HttpMethod.Post, $"/api/v1/profile-reviews/{revision}/approve", reviewer);
        return new Firm(firm, adminId, admin);
    }

    public async Task<Client> BusinessTalkingTo(Firm firm, string plan = "premium")
    {
        var n = Interlocked.Increment(ref _seed);
        var ownerId = $"bench-owner-{_run}-{n}";
        var owner = Token(ownerId, $"{ownerId}@bench.es");
        var business = (await Call(HttpMethod.Post, "/api/v1/accounts", owner, new
        {
            kind = "business", plan, legalName = $"Bench {n} SL", taxId = Cif(n), contact = new { name = "O", email = $"{ownerId}@bench.es" }, address = Address,
        }))["value"]!.GetValue<Guid>();
        var conversation = await Eventually(async () => (await Call(HttpMethod.Post, "/api/v1/conversations", owner,
            new { clientAccountId = business, partnerAccountId = firm.Id, message = "hola" }))["value"]!.GetValue<Guid>());
        return new Client(business, owner, conversation);
    }

    /// <summary>A business account, and nothing else: a client the ERP reports pending work of.</summary>
    public async Task<Guid> Business(string plan = "premium")
    {
        var n = Interlocked.Increment(ref _seed);
        var ownerId = $"bench-owner-{_run}-{n}";
        return (await Call(HttpMethod.Post, "/api/v1/accounts", Token(ownerId, $"{ownerId}@bench.es"), new
        {
            kind = "business", plan, legalName = $"Bench {n} SL", taxId = Cif(n), contact = new { name = "O", email = $"{ownerId}@bench.es" }, address = Address,
        }))["value"]!.GetValue<Guid>();
    }

    /// <summary>The client asks, the firm accepts, the client grants access with a role: returns the collaboration.</summary>
    public async Task<Guid> Collaborating(Firm firm, Client client, string role = "accountant")
    {
        await Call(HttpMethod.Post, $"/api/v1/conversations/{client.Conversation}/collaboration-request", client.Owner, new { });
        await Call(HttpMethod.Post, $"/api/v1/conversations/{client.Conversation}/collaboration-request/accept", firm.Admin, new { confirm = true });
        var collaboration = await Eventually(async () =>
            (await Call(HttpMethod.Get, $"/api/v1/clients/{client.Id}/collaborations", client.Owner))["items"]!.AsArray()[0]!["id"]!.GetValue<Guid>());
        await Eventually(() => Call(HttpMethod.Put, $"/api/v1/collaborations/{collaboration}/access-grant", client.Owner, new { role }));
        return collaboration;
    }

    private static readonly object Address = new { street = "Calle 1", city = "Madrid", postalCode = "28001", province = "madrid" };

    private static string Cif(int seed)
    {
        var d = (1_000_000 + seed % 8_000_000).ToString("D7");
        var s = 0;
        for (var i = 0; i < 7; i++) { var v = d[i] - '0'; s += i % 2 == 0 ? v * 2 / 10 + v * 2 % 10 : v; }
        return $"B{d}{(10 - s % 10) % 10}";
    }

    public void Dispose() => _http.Dispose();
}
