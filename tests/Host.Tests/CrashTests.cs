using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Holded.Partners.Host.Tests;

/// <summary>
/// The host process is killed (SIGKILL) right after accepting commands whose consequences travel through other
/// modules' durable queues. Restarted on the same database, it finishes every one of them, once.
/// </summary>
public class CrashTests
{
    private const int Requests = 8;

    /// <summary>The scene, set through the in-process host: a partner, and businesses whose collaboration requests wait.</summary>
    private static async Task<(string Database, Actor FirmAdmin, List<Guid> Conversations)> WaitingRequests()
    {
        var app = new PartnersApp();
        await app.InitializeAsync();
        var api = new Api(app);
        var firmAdmin = Actor.Person("Firm Admin");
        var partner = await api.PublishedPartner(firmAdmin);
        var conversations = new List<Guid>();
        for (var i = 0; i < Requests; i++)
            conversations.Add((await api.RequestedCollaboration(Actor.Person($"Owner {i}"), partner)).Conversation);
        await app.DisposeAsync();
        return (app.ConnectionString, firmAdmin, conversations);
    }

    [Fact]
    public async Task two_nodes_share_the_work_and_stopping_one_loses_nothing()
    {
        var (database, firmAdmin, conversations) = await WaitingRequests();
        using var a = await HostProcess.StartAsync(database);
        using (var b = await HostProcess.StartAsync(database))
        {
            // Commands spread across both nodes, as a proxy would; then one node is stopped while work is queued.
            var accepted = await Task.WhenAll(conversations.Select((c, i) =>
                (i % 2 == 0 ? a : b).Post($"/api/v1/conversations/{c}/collaboration-request/accept", firmAdmin, new { confirm = true })));
            accepted.ShouldAllBe(status => status == HttpStatusCode.OK);
            b.Kill();
        }
        await Eventually.Until(database, () => Done(database), TimeSpan.FromSeconds(60), "the follow-ups never completed");
        await ShouldBeDoneOnce(database);

        // The async projection, run by whichever node the leader gave it to (the survivor, once the other stopped),
        // ends exact: at the last event, one read model per conversation, every request answered by its accept.
        await Eventually.Until(database, async () => await Count(database,
            "select count(*) from events.mt_event_progression where name = 'ConversationResponse:All' and last_seq_id = (select max(seq_id) from events.mt_events)") == 1,
            TimeSpan.FromSeconds(30), "the async projection never reached the last event");
        (await Count(database, "select count(*) from marketplace.mt_doc_conversationresponse")).ShouldBe(Requests);
        (await Count(database, "select count(*) from marketplace.mt_doc_conversationresponse where data ->> 'AnsweredAt' is not null")).ShouldBe(Requests);
    }

    [Fact]
    public async Task killed_mid_work_the_host_finishes_every_accepted_commands_follow_up_once_after_restart()
    {
        var (database, firmAdmin, conversations) = await WaitingRequests();
        var app = (ConnectionString: database, 0);

        // The real process takes the accepts and dies at once, its queues still full.
        using (var first = await HostProcess.StartAsync(app.ConnectionString))
        {
            var accepted = await Task.WhenAll(conversations.Select(c =>
                first.Post($"/api/v1/conversations/{c}/collaboration-request/accept", firmAdmin, new { confirm = true })));
            accepted.ShouldAllBe(status => status == HttpStatusCode.OK);
            first.Kill();
        }
        var beforeRestart = await Count(app.ConnectionString, "select count(*) from events.mt_events where type = 'collaboration.collaboration_started'");
        var inFlight = await Count(app.ConnectionString, "select count(*) from wolverine.wolverine_incoming_envelopes where status = 'Incoming'");
        var heard = await Count(app.ConnectionString, "select count(*) from notifications.mt_doc_notification where data ->> 'Kind' = 'collaboration_accepted'");
        // The kill must have cut work short, or this test would prove nothing.
        inFlight.ShouldBeGreaterThan(0, $"nothing was in flight at the kill ({beforeRestart} started, {heard} notified)");
        Console.WriteLine($"At the kill: {inFlight} messages queued, {beforeRestart}/{Requests} started, {heard}/{Requests * 2} notified.");

        using var second = await HostProcess.StartAsync(app.ConnectionString);
        await Eventually.Until(app.ConnectionString, () => Done(app.ConnectionString), TimeSpan.FromSeconds(60), "the follow-ups never completed");
        await ShouldBeDoneOnce(app.ConnectionString);
    }

    // Every module did its part for every accepted request, and nothing twice.
    private static async Task ShouldBeDoneOnce(string database)
    {
        (await Count(database, "select count(*) from events.mt_events where type = 'collaboration.collaboration_started'")).ShouldBe(Requests);
        (await Count(database, "select count(*) from access.mt_doc_accesscollaboration where (data ->> 'Started')::boolean")).ShouldBe(Requests);
        (await Count(database, "select count(*) from notifications.mt_doc_notification where data ->> 'Kind' = 'collaboration_accepted'"))
            .ShouldBe(Requests * 2); // the owner and the firm's administrator, once each
        (await Count(database, "select count(*) from wolverine.wolverine_dead_letters")).ShouldBe(0);
    }

    private static async Task<bool> Done(string connection) =>
        await Count(connection, "select count(*) from notifications.mt_doc_notification where data ->> 'Kind' = 'collaboration_accepted'") >= Requests * 2
        && await Count(connection, "select count(*) from access.mt_doc_accesscollaboration where (data ->> 'Started')::boolean") >= Requests;

    private static Task<long> Count(string connection, string sql) => Eventually.CountAsync(connection, sql);
}

/// <summary>The host as a real process of its own on a loopback port, for what an in-process host cannot show.</summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;

    private readonly List<string> _output;

    private HostProcess(Process process, Uri address, List<string> output)
    {
        _process = process;
        _output = output;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(90) }; // a bound: a fresh process compiles each handler on first use
    }

    /// <summary>Waits (bounded) until the host writes a line containing <paramref name="text"/>: what it says it has done.</summary>
    public async Task Said(string text, TimeSpan within)
    {
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler listen = (_, line) => { if (line.Data?.Contains(text) == true) heard.TrySetResult(); };
        _process.OutputDataReceived += listen;
        try
        {
            lock (_output) if (_output.Any(l => l.Contains(text))) return;
            await heard.Task.WaitAsync(within);
        }
        finally { _process.OutputDataReceived -= listen; }
    }

    public static async Task<HostProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = TestDatabase.FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Holded.Partners.Host.dll")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing", ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__Partners"] = connectionString,
                ["Auth__DevelopmentSigningKey"] = Actor.SigningKey, ["Access__SessionSigningKey"] = PartnersApp.SessionSigningKey,
                ["Audit__SigningKeyFile"] = PartnersApp.AuditSigningKeyFile,
                ["Auth__ServiceClients"] = Actor.ServiceClient,
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information", // "Application started": what start-up waits for
                // A dead node's queued messages are taken over within seconds, not the default minute.
                ["Wolverine__Durability__StaleNodeTimeout"] = "00:00:02",
                ["Wolverine__Durability__HealthCheckPollingTime"] = "00:00:01",
                ["Wolverine__Durability__NodeReassignmentPollingTime"] = "00:00:01",
                ["Wolverine__Durability__OrphanedMessageSweepPollingTime"] = "00:00:01",
                ["Wolverine__Durability__FirstHealthCheckExecution"] = "00:00:00.500",
                // The leader hands out projection shards within a second (readiness waits for them to catch up).
                ["Wolverine__Durability__CheckAssignmentPeriod"] = "00:00:01",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        // Started means every hosted service (Wolverine's node, its agents) is running and Kestrel listens: the host
        // says so on its own output, and that line is what is waited for.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var output = new List<string>();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lock (output) output.Add(line.Data);
            if (line.Data.Contains("Application started")) started.TrySetResult();
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException($"The host exited with {process.ExitCode} before it started."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"), output);
        try { await started.Task.WaitAsync(TimeSpan.FromSeconds(90)); } // a bound: a loaded machine starts a process slowly
        catch { host.Dispose(); throw; }
        (await host._http.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        return host;
    }

    public async Task<HttpStatusCode> Post(string url, Actor who, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", who.Token);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    public async Task<(HttpStatusCode Status, string Body)> Get(string url)
    {
        using var response = await _http.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>SIGKILL: no shutdown, no draining, no flushing.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
        _http.Dispose();
    }
}
