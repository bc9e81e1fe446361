using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marten;

namespace Holded.Partners.Bench.Scenarios;

/// <summary>
/// A command over HTTP with everything it sets in motion: a firm answers in a conversation (POST
/// /conversations/{id}/messages: its stream, inline read models, the outbox to Notifications, the async projection)
/// against raw Marten appending one event per session, at the same concurrency. Each worker writes its own conversation
/// (its own stream on the raw side), as different firms would.
/// </summary>
public static class Command
{
    public sealed record RawMessagePosted(Guid ConversationId, Guid MessageId, string Side, string AuthorUserId, string AuthorName, string Text);

    public static async Task<IReadOnlyList<Row>> Run(HostApi api, Server host, string connection, Options o)
    {
        var firm = await api.PublishedFirm();
        var conversations = new List<Guid>();
        for (var i = 0; i < o.Concurrency; i++) conversations.Add((await api.BusinessTalkingTo(firm)).Conversation);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Concurrency }) { BaseAddress = new Uri(host.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", firm.Admin);
        async Task Post(int worker, long n)
        {
            using var response = await http.PostAsJsonAsync($"/api/v1/conversations/{conversations[worker]}/messages", new { text = $"Respuesta {n}" });
            response.EnsureSuccessStatusCode();
        }

        await using var store = await RawMarten.OpenAsync(connection);
        var streams = conversations.Select(_ => Guid.CreateVersion7()).ToArray();
        async Task Append(int worker, long n)
        {
            await using var session = store.LightweightSession();
            session.Events.Append(streams[worker], new RawMessagePosted(streams[worker], Guid.CreateVersion7(), "partner", firm.AdminId, "Bench", $"Respuesta {n}"));
            await session.SaveChangesAsync();
        }

        await Load.Closed(o.Concurrency, o.Warmup, Post);
        await Load.Closed(o.Concurrency, o.Warmup, Append);
        var (endpoint, raw) = await Load.Alternating(o.Rounds, o.Concurrency, o.Duration, Post, host, Append, null);
        return [Row.Throughput("POST /conversations/{id}/messages", endpoint, "raw Marten append, 1 event/session", raw, 0.50)];
    }
}
