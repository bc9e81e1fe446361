using JasperFx;
using Marten;
using Wolverine.Marten;

namespace Holded.Partners.Host.Infrastructure;

public static class Store
{
    /// <summary>Events:PartitionArchivedStreams: archived streams in PostgreSQL partitions of their own (off unless set).</summary>
    public static bool PartitionsArchivedStreams(IConfiguration configuration) => configuration.GetValue<bool>("Events:PartitionArchivedStreams");

    /// <summary>One PostgreSQL, one Marten store: events in "events", documents in each module's own schema.</summary>
    public static void AddPartnersStore(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Partners")
            ?? throw new InvalidOperationException(
                "No database configured. Set ConnectionStrings__Partners (a PostgreSQL connection string), " +
                "or start the host with ./run, which starts a local PostgreSQL for you.");

        // Raw SQL where Marten's LINQ cannot say it (ranked full-text search).
        builder.Services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
        // Production images ship the generated code (`codegen write` when the image is built): no compiler at start.
        if (builder.UsesStaticCode())
            builder.Services.CritterStackDefaults(x =>
            {
                x.Development.GeneratedCodeMode = JasperFx.CodeGeneration.TypeLoadMode.Static;
                x.Production.GeneratedCodeMode = JasperFx.CodeGeneration.TypeLoadMode.Static;
            });
        var marten = builder.Services.AddMarten(o =>
            {
                o.Connection(connectionString);
                o.DatabaseSchemaName = "partners";
                o.Events.DatabaseSchemaName = "events";
                o.Events.StreamIdentity = JasperFx.Events.StreamIdentity.AsGuid;
                // Ended collaborations' streams are archived after their retention (is_archived). Partitions would keep
                // them out of the live mt_events and mt_streams, but cost the message path 40 % of its throughput here
                // (bench, 2026-12-04: 214 against 382 req/s): a choice for when the live tables have grown, not a default.
                if (PartitionsArchivedStreams(builder.Configuration))
                {
                    o.Events.UseArchivedStreamPartitioning = true;
                    // A partition's unique key does not span partitions: without this, a stream id already archived could
                    // be started again live. (A collision then names the partition's key: Kernel.StreamCollisions reads it.)
                    o.Events.EnableStrictStreamIdentityEnforcement = true;
                }
                o.AutoCreateSchemaObjects = builder.Environment.IsProduction() ? AutoCreate.None : AutoCreate.CreateOrUpdate;
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine(x =>
            {
                x.MessageStorageSchemaName = "wolverine";
                // Wolverine's leader runs each async projection shard on exactly one node, and only on a node that
                // knows it: a new release's projection version (ProjectionVersion = 2) is built by the new nodes
                // beside the old version, which the old nodes keep current until they stop. (No AddAsyncDaemon: it
                // would start every shard on every node.)
                x.UseWolverineManagedEventSubscriptionDistribution = true;
            });
        builder.Services.ConfigureMarten((provider, o) => o.Logger(new StoreLog(provider.GetRequiredService<ILogger<StoreLog>>())));
        // Production's schema is a deploy step (db-apply) and never changed by a node: comparing every table at each
        // start only cost about a second of its cold start.
        if (!builder.Environment.IsProduction()) marten.ApplyAllDatabaseChangesOnStartup();
    }

    /// <summary>
    /// Settings every projection shares; registered after the modules, which add the projections. Each reads archived
    /// events too: Marten's daemon leaves them out by default, and a rebuild after an archiving would then lose every
    /// ended collaboration from the read models and the trail.
    /// </summary>
    public static void AddPartnersProjectionDefaults(this IServiceCollection services) =>
        services.ConfigureMarten(o =>
        {
            foreach (var projection in o.Projections.All)
            {
                projection.Options.BatchSize = Kernel.ProjectionPaging.Events;
                ((JasperFx.Events.Projections.IEventFilterable)projection).IncludeArchivedEvents = true;
            }
        });
}

/// <summary>
/// Before the schema is migrated (db-apply, or a non-production start) to archived-stream partitioning
/// (Events:PartitionArchivedStreams): a store made before it has mt_events as a plain table, which Weasel rebuilds as a partitioned one by copying its rows and
/// dropping it. The event sequence is owned by that table's seq_id, so it would be dropped with it and created again
/// from 1, under events that already hold those numbers. Owned by nothing, it survives; the new table keeps using it.
/// </summary>
public static class EventTablesBeforePartitioning
{
    public static async Task PrepareAsync(WebApplication app, string[] args)
    {
        var migrates = !app.Environment.IsProduction() || args.FirstOrDefault() is { } command && (command.StartsWith("db-") || command == "resources");
        if (!migrates || !Store.PartitionsArchivedStreams(app.Configuration)) return;
        await using var detach = app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand("""
            do $$ begin
              if (select relkind from pg_class where oid = to_regclass('events.mt_events')) = 'r'
                 and to_regclass('events.mt_events_sequence') is not null then
                alter sequence events.mt_events_sequence owned by none;
              end if;
            end $$;
            """);
        try { await detach.ExecuteNonQueryAsync(); }
        catch (Npgsql.NpgsqlException) { } // no database to reach yet: the migration itself will say so, in its own words
    }
}
