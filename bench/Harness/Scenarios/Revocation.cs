using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Holded.Partners.Bench.Scenarios;

/// <summary>
/// Revocation across nodes: two host processes on one database. The client removes the firm's access on node A; node B
/// is asked `check` in a tight loop until it answers no. Each revocation is measured from A's answer (the commit is
/// before it) to B's first denial, and, as an upper bound that includes the commit itself, from the request to A.
/// Beside it, the floor: PostgreSQL delivering a NOTIFY committed on one connection to another listening one, in the
/// same run. Between revocations access is granted again and awaited on B, so each revocation starts from a warm memory.
/// </summary>
public static class Revocation
{
    public static async Task<IReadOnlyList<Row>> Run(HostApi api, Server a, Server b, string connection, Options o)
    {
        var firm = await api.PublishedFirm();
        var client = await api.BusinessTalkingTo(firm);
        var collaboration = await api.Collaborating(firm, client);
        var erp = api.Token("bench-erp", null, scope: "partners.access.check");
        var grant = $"/api/v1/collaborations/{collaboration}/access-grant";
        var question = JsonSerializer.Serialize(new { userId = firm.AdminId, clientAccountId = client.Id, section = "accounting", action = "write" });

        using var toA = new HttpClient { BaseAddress = new Uri(a.Url) };
        using var toB = new HttpClient { BaseAddress = new Uri(b.Url) };
        async Task<bool> AllowedOnB()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/access/check") { Content = new StringContent(question, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", erp);
            using var response = await toB.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["allowed"]!.GetValue<bool>();
        }
        async Task Send(HttpMethod method, object? body)
        {
            using var request = new HttpRequestMessage(method, grant) { Content = body is null ? null : JsonContent(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Owner);
            using var response = await toA.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        var fromAnswer = new List<double>(o.Revocations);
        var fromRequest = new List<double>(o.Revocations);
        for (var i = 0; i < o.Revocations + 20; i++) // the first 20 warm both nodes up and are not counted
        {
            while (!await AllowedOnB()) { } // granted (set up, or again below), and B knows it
            var sent = Stopwatch.GetTimestamp();
            var answered = 0L;
            var revoke = Task.Run(async () => { await Send(HttpMethod.Delete, null); answered = Stopwatch.GetTimestamp(); });
            while (await AllowedOnB()) { }
            var denied = Stopwatch.GetTimestamp();
            await revoke;
            if (i >= 20)
            {
                fromAnswer.Add(Math.Max(0, Stopwatch.GetElapsedTime(answered, denied).TotalMilliseconds));
                fromRequest.Add(Stopwatch.GetElapsedTime(sent, denied).TotalMilliseconds);
            }
            await Send(HttpMethod.Put, new { role = "accountant" });
        }

        var floor = await NotifyLatency(connection, o.Revocations);
        var measured = Percentiles(fromAnswer);
        var upper = Percentiles(fromRequest);
        return
        [
            new Row($"revocation on another node, p99 ({o.Revocations:N0})", measured.P99, "ms", "PostgreSQL NOTIFY delivery, same run", floor.P99, null,
                "p99 ms ≤ 50", measured.P99 <= 50, new { fromAnswer = measured, fromRequest = upper, notify = floor }),
            new Row("revocation on another node, p50", measured.P50, "ms", "PostgreSQL NOTIFY delivery, same run", floor.P50, null, "—", true,
                new { fromRequestP50 = upper.P50, fromRequestP99 = upper.P99 }),
        ];
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>The floor: a NOTIFY committed on one connection, heard on another that listens.</summary>
    private static async Task<Spread> NotifyLatency(string connection, int count)
    {
        await using var listener = new NpgsqlConnection(connection);
        await using var sender = new NpgsqlConnection(connection);
        await listener.OpenAsync();
        await sender.OpenAsync();
        await using (var listen = new NpgsqlCommand("listen bench_floor", listener)) await listen.ExecuteNonQueryAsync();
        var heard = new List<double>(count);
        for (var i = 0; i < count + 20; i++)
        {
            var received = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnNotification(object? _, NpgsqlNotificationEventArgs __) => received.TrySetResult(Stopwatch.GetTimestamp());
            listener.Notification += OnNotification;
            var wait = listener.WaitAsync();
            await using (var notify = new NpgsqlCommand("select pg_notify('bench_floor', 'x')", sender)) await notify.ExecuteNonQueryAsync();
            var committed = Stopwatch.GetTimestamp();
            await wait;
            var at = await received.Task;
            listener.Notification -= OnNotification;
            if (i >= 20) heard.Add(Math.Max(0, Stopwatch.GetElapsedTime(committed, at).TotalMilliseconds));
        }
        return Percentiles(heard);
    }

    public sealed record Spread(double P50, double P95, double P99, double Max);

    private static Spread Percentiles(List<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)], 2);
        return new(At(0.50), At(0.95), At(0.99), Math.Round(sorted[^1], 2));
    }
}
