using System.Text.Json;
using JasperFx.CommandLine;
using Marten;
using Marten.Events;

namespace Holded.Partners.Host.Commands;

public class ReplayInput : NetCoreInput
{
    [Description("The aggregate's projection name, as `projections list` shows it (e.g. Grant, Collaboration, ClientWork)")]
    public string Type { get; set; } = "";

    [Description("The stream id")]
    public Guid Stream { get; set; }

    [Description("State as of this instant (ISO 8601)")] public DateTimeOffset? AtFlag { get; set; }
    [Description("State as of this version of the stream")] public long? VersionFlag { get; set; }
    [Description("Print JSON instead of a table")] public bool JsonFlag { get; set; }
}

[Description("Replays one aggregate's stream: its events and its state as of a time or a version (now by default)", Name = "replay")]
public class ReplayCommand : JasperFxAsyncCommand<ReplayInput>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public ReplayCommand() => Usage("An aggregate as of a time or version").Arguments(x => x.Type, x => x.Stream);

    public override async Task<bool> Execute(ReplayInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var source = ((StoreOptions)store.Options).Projections.All.FirstOrDefault(p => string.Equals(p.Name, input.Type, StringComparison.OrdinalIgnoreCase));
        var aggregate = source?.PublishedTypes().FirstOrDefault();
        if (aggregate is null)
        {
            Console.Error.WriteLine($"No aggregate named '{input.Type}'. Known: {string.Join(", ", ((StoreOptions)store.Options).Projections.All.Select(p => p.Name).Order())}.");
            return false;
        }

        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(input.Stream, input.VersionFlag ?? 0, input.AtFlag);
        if (events.Count == 0)
        {
            Console.Error.WriteLine($"Stream {input.Stream} has no events{(input.AtFlag is null && input.VersionFlag is null ? "" : " by then")}.");
            return false;
        }
        // The aggregate's type is known only at run time: the generic AggregateStreamAsync<T>, closed over it.
        var aggregateStream = session.Events.GetType().GetMethods()
            .First(m => m.Name == nameof(IQueryEventStore.AggregateStreamAsync) && m.IsGenericMethodDefinition && m.GetParameters()[0].ParameterType == typeof(Guid))
            .MakeGenericMethod(aggregate);
        var task = (Task)aggregateStream.Invoke(session.Events, [input.Stream, input.VersionFlag ?? 0, input.AtFlag, null, 0L, CancellationToken.None])!;
        await task;
        var state = task.GetType().GetProperty("Result")!.GetValue(task);

        if (input.JsonFlag)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                type = source!.Name, stream = input.Stream, asOf = (object?)input.AtFlag ?? input.VersionFlag,
                events = events.Select(e => new { e.Version, e.Timestamp, type = e.EventTypeName, data = e.Data }),
                state,
            }, Json));
            return true;
        }
        Console.WriteLine($"{"version",8}  {"at (UTC)",-27}  {"event",-28}  data");
        foreach (var e in events)
        {
            var data = JsonSerializer.Serialize(e.Data, e.Data.GetType(), JsonSerializerOptions.Web);
            Console.WriteLine($"{e.Version,8}  {e.Timestamp.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}  {e.EventTypeName,-28}  {(data.Length > 100 ? data[..100] + "…" : data)}");
        }
        Console.WriteLine();
        Console.WriteLine($"{source!.Name} as of {(input.AtFlag?.ToString("O") ?? (input.VersionFlag is { } v ? $"version {v}" : "now"))}:");
        Console.WriteLine(JsonSerializer.Serialize(state, aggregate, Json));
        return true;
    }
}
