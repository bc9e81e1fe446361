using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marten;

namespace Holded.Partners.Bench.Scenarios;

/// <summary>
/// The write paths people use, over HTTP with everything they set in motion, each against raw Marten appending one
/// event per session at the same concurrency, in the same run:
/// - a firm answers in a conversation (POST /conversations/{id}/messages: its stream, inline read models, the outbox to
///   Notifications, the async projection); each worker writes its own conversation, as different firms would;
/// - a client changes a firm's role (PUT /collaborations/{id}/access-grant) and a client ends a collaboration (POST
///   /collaborations/{id}/end): the writes whose consequences are in force before the answer, in every module's copy,
///   in the one transaction. No target for these two: the rows show what "immediate" costs. An end uses its
///   collaboration up, so the ends are a fixed number, and so are the raw appends beside them.
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
        async Task Send(HttpMethod method, string path, string token, object body)
        {
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }
        Task Post(int worker, long n) => Send(HttpMethod.Post, $"/api/v1/conversations/{conversations[worker]}/messages", firm.Admin, new { text = $"Respuesta {n}" });

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
        var rows = new List<Row> { Row.Throughput("POST /conversations/{id}/messages", endpoint, "raw Marten append, 1 event/session", raw, 0.30) };

        // One collaboration per worker for the grant changes, and one per end; set up 8 at a time.
        var collaborations = new List<(Guid Id, string Owner)>();
        var wanted = o.Concurrency + o.Ends;
        while (collaborations.Count < wanted)
        {
            var round = await Task.WhenAll(Enumerable.Range(0, Math.Min(8, wanted - collaborations.Count)).Select(async _ =>
            {
                var client = await api.BusinessTalkingTo(firm);
                return (await api.Collaborating(firm, client), client.Owner);
            }));
            collaborations.AddRange(round);
        }
        var roles = new[] { "read_only", "accountant" };
        Task Change(int worker, long n) =>
            Send(HttpMethod.Put, $"/api/v1/collaborations/{collaborations[worker].Id}/access-grant", collaborations[worker].Owner, new { role = roles[n % 2] });
        await Load.Closed(o.Concurrency, o.Warmup, Change);
        var (change, rawBesideChange) = await Load.Alternating(o.Rounds, o.Concurrency, o.Duration, Change, host, Append, null);
        rows.Add(Row.Cost("PUT /collaborations/{id}/access-grant (role changed)", change, "raw Marten append, 1 event/session", rawBesideChange));

        var ending = collaborations.Skip(o.Concurrency).ToArray();
        var ends = await Load.Each(o.Concurrency, ending.Length, (_, n) =>
            Send(HttpMethod.Post, $"/api/v1/collaborations/{ending[n].Id}/end", ending[n].Owner, new { reason = "Fin del encargo.", confirm = true }), host);
        var rawBesideEnds = await Load.Each(o.Concurrency, ending.Length, Append);
        rows.Add(Row.Cost($"POST /collaborations/{{id}}/end ({ending.Length:N0})", ends, $"raw Marten append, 1 event/session ({ending.Length:N0})", rawBesideEnds));
        return rows;
    }
}
