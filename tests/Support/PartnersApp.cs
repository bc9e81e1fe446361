using Alba;
using Microsoft.AspNetCore.Builder;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Shouldly;
using Xunit;

namespace Holded.Partners.Testing;

/// <summary>The real host, on its own disposable database, shared by the tests of one collection.</summary>
public class PartnersApp : IAsyncLifetime, IRunningApp
{
    public IAlbaHost Host { get; private set; } = null!;
    Microsoft.Extensions.Hosting.IHost IRunningApp.Host => Host;
    public HttpClient CreateClient() => Host.Server.CreateClient();
    public string ConnectionString { get; private set; } = "";
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    public ShiftedClock Clock { get; } = new();
    /// <summary>What this app's first node logged (cleared by a test that reads it).</summary>
    public CapturedLog Log { get; } = new();
    /// <summary>Every request any node of this app answered with a 500: each is a defect (AppTest fails the test that caused it).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> ServerErrors { get; } = new();
    /// <summary>Where the development mail sink writes this app's emails.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"partners-mail-{Guid.NewGuid():N}");
    public const string SessionSigningKey = "test-session-signing-key-for-the-suite-0123456789";
    /// <summary>The suite's audit signing key, outside any database as in production, for every environment a test starts.</summary>
    public static string AuditSigningKeyFile { get; } =
        Holded.Partners.Access.Audit.Chain.AuditSigner.EnsureKeyFile(Path.Combine(Path.GetTempPath(), "holded-partners-tests", "audit-signing-key.pem"));
    /// <summary>High enough that no ordinary test meets it; a rate-limit test uses a host of its own with a low one.</summary>
    protected virtual int DirectoryRequestsPerMinute => 100_000;
    /// <summary>Settings of this app's first node beyond the suite's (an app of its own for a test that needs them).</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    public virtual async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        ConnectionString = await TestDatabase.CreateAsync();
        await BeforeFirstNodeAsync();
        Host = await StartHostAsync(s => { s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Log); FirstNode(s); }, Settings);
        await StoreChanges.InstallAsync(ConnectionString); // once the host has created what it watches
    }

    /// <summary>What the database holds before any node starts on it: nothing, unless a test gives it an earlier store.</summary>
    protected virtual Task BeforeFirstNodeAsync() => Task.CompletedTask;

    /// <summary>How the first node runs Wolverine: alone, owning every queue and projection, unless a cluster test says otherwise.</summary>
    protected virtual void FirstNode(IServiceCollection services) => services.DisableAllExternalWolverineTransports().RunWolverineInSoloMode();

    /// <summary>A node on this app's database configured by the test: a member of a cluster, or a node of the next release.</summary>
    public async Task<AnotherNode> StartNodeAsync(Action<IServiceCollection> services, IReadOnlyDictionary<string, string>? settings = null,
        string environment = Environment) => new(await StartHostAsync(services, settings, environment));

    /// <summary>
    /// The hosts under test run as a developer's machine does (the development sign-in among it); a test that is about
    /// another environment starts a node of its own in it.
    /// </summary>
    public const string Environment = "Development";

    /// <summary>
    /// A second node on this app's database, as in a scale-out: it serves HTTP and hears the other node's changes
    /// through PostgreSQL. It leaves the message queues to the first node (Wolverine in mediator mode).
    /// </summary>
    public async Task<AnotherNode> StartAnotherNodeAsync(IReadOnlyDictionary<string, string>? settings = null) =>
        new(await StartHostAsync(s => s.DisableAllExternalWolverineTransports().ConfigureWolverine(o => o.Durability.Mode = DurabilityMode.MediatorOnly), settings));

    private Task<IAlbaHost> StartHostAsync(Action<IServiceCollection> services, IReadOnlyDictionary<string, string>? settings,
        string environment = Environment) => AlbaHost.For<Program>(x =>
    {
        x.UseEnvironment(environment);
        x.UseSetting("ConnectionStrings:Partners", ConnectionString);
        x.UseSetting("Auth:DevelopmentSigningKey", Actor.SigningKey);
        x.UseSetting("Auth:ServiceClients", Actor.ServiceClient);
        x.UseSetting("Access:SessionSigningKey", SessionSigningKey);
        x.UseSetting("Audit:SigningKeyFile", AuditSigningKeyFile);
        x.UseSetting("Marketplace:DirectoryRequestsPerMinute", DirectoryRequestsPerMinute.ToString());
        x.UseSetting("Notifications:MailFolder", MailFolder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) x.UseSetting(key, value); // the test's own settings win
        x.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new CountServerErrors(ServerErrors));
            services(s);
        });
    });

    /// <summary>
    /// Each test starts from an empty store, once what the previous test set in motion is done: a reset racing a handler
    /// still writing can deadlock. A deadlock that happens anyway (a retry due later) is tried again once that is done too.
    /// </summary>
    public async Task ResetAsync()
    {
        Clock.Offset = TimeSpan.Zero;
        // Denials the last test counted are added now, to windows the reset removes, not to the next test's store.
        await Host.Services.GetRequiredService<Holded.Partners.Access.Decisions.DenialCounter>().FlushAsync(Clock.GetUtcNow(), CancellationToken.None);
        await QuietAsync();
        await ShardsIdleAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ResetStoreAsync();
                await ShardsRunningAsync();
                return;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
                await QuietAsync();
            }
        }
    }

    /// <summary>
    /// The reset's pause drains each shard's batch only for so long: a batch of the last test's events still running
    /// across it would commit after the delete and leave its documents to the next test. Every shard of this node having
    /// applied the last event stored first leaves no batch to drain. Read from the shards themselves, against the last
    /// event and not the sequence: Marten's wait for non-stale data waits for the sequence's last number, which a
    /// rolled-back append leaves ahead of every event until the high water mark gives up on it, seconds later.
    /// Bounded: a test that stopped a shard on purpose does not hold the next one up.
    /// </summary>
    private async Task ShardsIdleAsync()
    {
        var last = await Eventually.CountAsync(ConnectionString, "select coalesce(max(seq_id), 0) from events.mt_events");
        var daemon = Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
        // Heard as each shard records its progress (the store's change triggers), not polled.
        await StoreChanges.WaitAsync(ConnectionString, () => Task.FromResult(
            !daemon.CurrentAgents().Any(a => a.Status == JasperFx.AgentStatus.Running && a.Position < last)), TimeSpan.FromSeconds(15));
    }

    /// <summary>
    /// Every document and event removed, with the projection daemon paused, as Marten's reset does, but the shards'
    /// progress kept and the event sequence going on rather than starting again at 1. A shard comes out of the reset
    /// where it went in, in memory and in its progress row alike, and the next test's events come after that position.
    /// Marten's reset deletes the progress rows and restarts the sequence: a shard's next progress update then found no
    /// row and the shard stopped for seconds before starting over, and one that came out at the previous test's position
    /// (seen under load: "Running at 30", the next test's first events skipped, its chain broken at position 1) skipped
    /// the next test's first events.
    /// </summary>
    private async Task ResetStoreAsync()
    {
        var coordinator = Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>();
        await coordinator.PauseAsync();
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("""
                do $$ declare tables text; begin
                  select string_agg(format('%I.%I', schemaname, tablename), ', ') into tables from pg_tables
                  where tablename like 'mt\_%' and tablename <> 'mt_event_progression' and schemaname not in ('pg_catalog', 'information_schema');
                  if tables is not null then execute 'truncate ' || tables || ' cascade'; end if;
                end $$
                """, connection);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await coordinator.ResumeAsync();
        }
    }

    /// <summary>
    /// The reset pauses this node's projection daemon and resumes it; a shard whose start lost a race there (seen under
    /// load: both async shards at 0 for the rest of the run) stays stopped, since nothing else starts it again on a solo
    /// node. Every async shard runs after the reset, as the resume meant (it starts them all on this node).
    /// </summary>
    private async Task ShardsRunningAsync()
    {
        var daemon = Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
        var running = daemon.CurrentAgents().Where(a => a.Status == JasperFx.AgentStatus.Running).ToList();
        foreach (var projection in AsyncProjections().Where(p => running.All(a => a.Name.Name != p)))
            await daemon.StartAgentAsync(projection, CancellationToken.None);
    }

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>How many events of one stored name ("module.event") the store holds, once every queued message is handled.</summary>
    public async Task<long> EventCountAsync(string type)
    {
        await QuietAsync();
        return await Eventually.CountAsync(ConnectionString, "select count(*) from events.mt_events where type = @type", new Npgsql.NpgsqlParameter("type", type));
    }

    /// <summary>
    /// Waits (bounded) until no message waits in the durable queues: every module has done what earlier requests caused,
    /// so counting what is stored measures the request at hand and not a notification still on its way.
    /// </summary>
    public Task QuietAsync() => QuietAsync(ConnectionString);

    /// <summary>The same, for any node on the database of <paramref name="connectionString"/>.</summary>
    public static async Task QuietAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "select count(*) from wolverine.wolverine_incoming_envelopes where status = 'Incoming' " +
            "or (status = 'Scheduled' and execution_time < now() + interval '30 seconds')", connection); // retries due soon count too
        // Empty, and still empty once the inbox has been still for a moment: a handler's follow-up lands with its commit.
        await StoreChanges.WaitAsync(connectionString, async () => (long)(await command.ExecuteScalarAsync())! == 0,
            TimeSpan.FromSeconds(20), settle: TimeSpan.FromMilliseconds(25));
    }

    /// <summary>
    /// Waits (bounded) until every message is handled and every async projection has applied every event stored: an
    /// async read model then shows all that happened.
    /// </summary>
    public async Task ProjectionsCaughtUpAsync()
    {
        await QuietAsync();
        try
        {
            await Marten.Events.TestingExtensions.WaitForNonStaleProjectionDataAsync(Host, TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException e)
        {
            // Say which shards this node runs and in what state: "at 0" alone does not tell stopped from slow.
            var daemon = Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
            var last = await Eventually.CountAsync(ConnectionString, "select coalesce(max(seq_id), 0) from events.mt_events");
            var agents = string.Join(", ", daemon.CurrentAgents().Select(a => $"{a.Name.Identity}: {a.Status} at {a.Position}"));
            throw new TimeoutException($"{e.Message}\nThis node's shards: {(agents.Length > 0 ? agents : "none")}; the last event: {last}", e);
        }
    }

    private IEnumerable<string> AsyncProjections() => ((StoreOptions)Store.Options).Projections.All
        .Where(p => p.Lifecycle == JasperFx.Events.Projections.ProjectionLifecycle.Async).Select(p => p.Name).Distinct();

    /// <summary>How many events the store holds: "nothing stored" is asserted with it.</summary>
    public async Task<long> EventCountAsync()
    {
        await QuietAsync();
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }
}

/// <summary>
/// An app whose nodes form a cluster as in production (Wolverine's balanced mode: leader election, each queue and
/// projection shard assigned to one node), with timings shortened so a test sees assignments within a second or two.
/// </summary>
public class ClusterApp : PartnersApp
{
    protected override void FirstNode(IServiceCollection services) => services.ConfigureWolverine(o => Member(o.Durability));

    /// <summary>The durability settings a node of this cluster needs (use them for every node started here).</summary>
    public static void Member(Wolverine.DurabilitySettings d)
    {
        d.Mode = DurabilityMode.Balanced;
        d.FirstHealthCheckExecution = TimeSpan.FromMilliseconds(200);
        d.HealthCheckPollingTime = TimeSpan.FromSeconds(1);
        d.CheckAssignmentPeriod = TimeSpan.FromSeconds(1);
        d.StaleNodeTimeout = TimeSpan.FromSeconds(3);
    }
}

/// <summary>Another host on the same database; see <see cref="PartnersApp.StartAnotherNodeAsync"/>.</summary>
public sealed class AnotherNode(IAlbaHost host) : IRunningApp, IAsyncDisposable
{
    public Microsoft.Extensions.Hosting.IHost Host => host;
    public HttpClient CreateClient() => host.Server.CreateClient();
    public ValueTask DisposeAsync() => host.DisposeAsync();
}

/// <summary>Outside everything else in the pipeline: what the caller finally got.</summary>
internal sealed class CountServerErrors(System.Collections.Concurrent.ConcurrentQueue<string> errors) : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            await inner();
            if (context.Response.StatusCode == 500) errors.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
        });
        next(app);
    };
}

/// <summary>xunit wants the collection defined in each test assembly: derive one there with [CollectionDefinition(Name)].</summary>
public abstract class AppCollection : ICollectionFixture<PartnersApp>
{
    public const string Name = "app";
}

/// <summary>Base for tests against the app: a clean store before each test, and the API driver.</summary>
[Collection(AppCollection.Name)]
public abstract class AppTest(PartnersApp app) : IAsyncLifetime
{
    protected PartnersApp App { get; } = app;
    protected Api Api { get; } = new(app);

    public virtual Task InitializeAsync()
    {
        App.ServerErrors.Clear();
        return App.ResetAsync();
    }

    /// <summary>No request of the test was answered with a 500.</summary>
    public virtual Task DisposeAsync()
    {
        App.ServerErrors.ShouldBeEmpty("answered with a 500");
        return Task.CompletedTask;
    }
}
