using JasperFx;
using Marten;

namespace Holded.Partners.Host.Tests;

/// <summary>
/// Archived-stream partitioning turned on (Events:PartitionArchivedStreams) over a store made without it: its mt_events
/// is a plain table owning the event sequence. The first node migrates it (as db-apply does) into the partitioned
/// tables; every event stays with its number, and the sequence goes on after them instead of starting again from 1.
/// Under partitioning, two writers starting one stream are still told apart from a failure.
/// </summary>
public class EventPartitioningUpgradeTests : IAsyncLifetime
{
    private readonly EarlierStoreApp _app = new();
    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    public sealed record EarlierFact(string Text);

    private sealed class EarlierStoreApp : PartnersApp
    {
        public const int Events = 5;

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Events:PartitionArchivedStreams"] = "true" };

        protected override async Task BeforeFirstNodeAsync()
        {
            using var store = DocumentStore.For(o =>
            {
                o.Connection(ConnectionString);
                o.DatabaseSchemaName = "partners";
                o.Events.DatabaseSchemaName = "events";
                o.Events.StreamIdentity = JasperFx.Events.StreamIdentity.AsGuid;
                o.AutoCreateSchemaObjects = AutoCreate.All;
            });
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await using var session = store.LightweightSession();
            for (var i = 0; i < Events; i++) session.Events.StartStream(Guid.CreateVersion7(), new EarlierFact($"fact {i}"));
            await session.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task the_earlier_events_keep_their_numbers_and_new_ones_follow_them()
    {
        (await Scalar("select count(*) from pg_class where oid = 'events.mt_events'::regclass and relkind = 'p'")).ShouldBe(1, "mt_events is partitioned");
        (await Scalar("select count(*) from events.mt_events_default where seq_id <= 5")).ShouldBe(EarlierStoreApp.Events);

        var api = new Api(_app);
        await api.RegisterPartner(Actor.Person("Ana Upgrade"));
        (await Scalar("select min(seq_id) from events.mt_events where seq_id > 5")).ShouldBe(EarlierStoreApp.Events + 1);
        (await Scalar("select count(*) from (select seq_id from events.mt_events group by seq_id having count(*) > 1) twice")).ShouldBe(0);
        await _app.Store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
    }

    [Fact]
    public async Task a_stream_started_twice_is_a_collision_though_the_partition_names_it()
    {
        var id = Guid.CreateVersion7();
        await using (var first = _app.Store.LightweightSession())
        {
            first.Events.StartStream(id, new EarlierFact("first"));
            await first.SaveChangesAsync();
        }
        await using var second = _app.Store.LightweightSession();
        second.Events.StartStream(id, new EarlierFact("second"));
        var refused = await Should.ThrowAsync<Exception>(() => second.SaveChangesAsync());
        refused.ToString().ShouldContain("mt_streams_default_pkey"); // as Marten 9.59 leaves it under partitioning
        Holded.Partners.Kernel.StreamCollisions.Is(refused).ShouldBeTrue();
        Holded.Partners.Host.Infrastructure.ErrorResponses.IsExpected(refused).ShouldBeTrue("answered 409, retried by the handlers: never a 500");
    }

    private Task<long> Scalar(string sql) => Eventually.CountAsync(_app.ConnectionString, sql);
}
