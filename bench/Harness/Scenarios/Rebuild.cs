using System.Diagnostics;
using System.Text.RegularExpressions;
using Holded.Partners.Marketplace.Conversations;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace Holded.Partners.Bench.Scenarios;

/// <summary>
/// Rebuilding every projection of the host (its own `projections rebuild` command, as an operator runs it) over a
/// large event store, against Marten rebuilding a trivial counting projection over the same events, in events/s.
/// The events are conversations (opened, then messages from both sides), appended straight to the host's event store.
/// </summary>
public static class Rebuild
{
    /// <summary>The ceiling's projection: how many events each stream has. Nothing cheaper reads every event.</summary>
    public sealed class StreamEvents
    {
        public Guid Id { get; set; }
        public long Count { get; set; }
    }

    public sealed class CountingProjection : SingleStreamProjection<StreamEvents, Guid>
    {
        public CountingProjection() => Name = "BenchCounting";
        public StreamEvents Create(ConversationOpened e) => new() { Count = 1 };
        public void Apply(MessagePosted e, StreamEvents s) => s.Count++;
        public void Apply(CollaborationRequested e, StreamEvents s) => s.Count++;
        public void Apply(CollaborationRequestAccepted e, StreamEvents s) => s.Count++;
        public void Apply(CollaborationRequestDeclined e, StreamEvents s) => s.Count++;
    }

    public static async Task<IReadOnlyList<Row>> Run(Options o, IReadOnlyDictionary<string, string> hostEnvironment)
    {
        await using var store = DocumentStore.For(x =>
        {
            x.Connection(o.Connection);
            x.DatabaseSchemaName = "bench_count";
            x.Events.DatabaseSchemaName = "events";          // the host's event store
            x.Events.StreamIdentity = StreamIdentity.AsGuid;
            x.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            Marketplace.MarketplaceModule.MapEventTypes(x); // the host's stored names for the events
            // Paged as the host's projections are: the ceiling gets every setting the measured side has.
            x.Projections.Add<CountingProjection>(ProjectionLifecycle.Async, o => o.BatchSize = Holded.Partners.Kernel.ProjectionPaging.Events);
        });
        var total = await Seed(store, o.Events);

        // The host's own command, as an operator runs it; it reports its rebuild time itself (start-up excluded).
        var hostSeconds = await HostRebuild(o, hostEnvironment);
        var started = Stopwatch.GetTimestamp();
        using (var daemon = await store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync("BenchCounting", TimeSpan.FromMinutes(30), CancellationToken.None);
        var countingSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var measured = Math.Round(total / hostSeconds);
        var ceiling = Math.Round(total / countingSeconds);
        return [Row.Share($"rebuild all projections ({total:N0} events)", measured, "events/s", "a counting projection, same events", ceiling, 0.50,
            new { events = total, hostSeconds, countingSeconds })];
    }

    /// <summary>Tops the store up to N events: conversations of 50 events (opened, 49 messages), in large batches.</summary>
    private static async Task<long> Seed(DocumentStore store, int target)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var existing = (await store.Advanced.FetchEventStoreStatistics()).EventCount;
        if (existing >= target) return existing;
        Console.WriteLine($"  appending {target - existing:N0} events...");
        var partner = Guid.CreateVersion7();
        for (var appended = existing; appended < target;)
        {
            await using var session = store.LightweightSession();
            for (var s = 0; s < 200 && appended < target; s++, appended += 50)
            {
                var id = Guid.CreateVersion7();
                var events = new List<object> { new ConversationOpened(id, Guid.CreateVersion7(), "Bench SL", partner, "Bench Gestoría", "bench-owner") };
                for (var m = 1; m < 50; m++)
                    events.Add(new MessagePosted(id, Guid.CreateVersion7(), m % 2 == 1 ? Sides.Client : Sides.Partner, "bench", "Bench", $"Mensaje {m}"));
                session.Events.StartStream(id, events);
            }
            await session.SaveChangesAsync();
        }
        return (await store.Advanced.FetchEventStoreStatistics()).EventCount;
    }

    private static async Task<double> HostRebuild(Options o, IReadOnlyDictionary<string, string> environment)
    {
        var output = await HostCommand.Run(o, environment, "projections", "rebuild");
        var finished = Regex.Match(output, @"Finished rebuild in ([\d.,]+) ms");
        if (!finished.Success) throw new InvalidOperationException($"the host's rebuild did not say how long it took; see {o.Logs}");
        return double.Parse(finished.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) / 1000;
    }
}
