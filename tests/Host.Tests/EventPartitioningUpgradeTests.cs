using JasperFx;
using Marten;

namespace Holded.Partners.Host.Tests;

/// <summary>
/// A store made before archived-stream partitioning: its mt_events is a plain table owning the event sequence. The
/// first node of this release migrates it (as db-apply does) into the partitioned tables; every event stays with its
/// number, and the sequence goes on after them instead of starting again from 1.
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

    private Task<long> Scalar(string sql) => Eventually.CountAsync(_app.ConnectionString, sql);
}
