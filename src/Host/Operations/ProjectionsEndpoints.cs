using System.Security.Claims;
using Holded.Partners.Access.State;
using Holded.Partners.Kernel;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;

namespace Holded.Partners.Host.Operations;

public sealed record ProjectionStatus(string Name, string Lifecycle, long Position, long HighWaterMark, long Lag, string Status);

public sealed record ProjectionRebuilt(string Name, long HighWaterMark, double Seconds);

/// <summary>
/// For operators: every projection's position in the event store, how far behind it is, and a rebuild from the events.
/// Inline projections are written in the same transaction as their events, so they are never behind.
/// </summary>
public static class ProjectionsEndpoints
{
    public static ProblemDetails Validate(ClaimsPrincipal user) =>
        Caller.From(user).Is(PlatformRoles.Operator) ? Problems.None : Problems.Forbidden("Projections are the platform operators' to watch and rebuild.");

    [WolverineGet("/api/v1/admin/projections")]
    public static async Task<IReadOnlyList<ProjectionStatus>> Get(IDocumentStore store, CancellationToken ct)
    {
        var highWater = (await store.Advanced.FetchEventStoreStatistics(token: ct)).EventSequenceNumber;
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        return [.. Sources(store).OrderBy(p => p.Name).Select(p =>
        {
            if (p.Lifecycle == ProjectionLifecycle.Inline)
                return new ProjectionStatus(p.Name, "inline", highWater, highWater, 0, "current");
            var position = progress.Where(s => s.ShardName.StartsWith(p.Name + ":", StringComparison.Ordinal)).Select(s => s.Sequence).DefaultIfEmpty(0).Min();
            return new ProjectionStatus(p.Name, p.Lifecycle.ToString().ToLowerInvariant(), position, highWater, highWater - position,
                position >= highWater ? "current" : "behind");
        })];
    }

    [WolverinePost("/api/v1/admin/projections/{name}/rebuild")]
    public static async Task<IResult> Rebuild(string name, IDocumentStore store, NpgsqlDataSource database, CancellationToken ct)
    {
        if (!Sources(store).Any(p => p.Name == name)) return Results.Problem(Problems.NotFound("projection"));
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            // Never cut short by the caller going away: a half-replayed read model is worse than a slow answer.
            using var daemon = await store.BuildProjectionDaemonAsync();
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(10), CancellationToken.None);
        }
        finally
        {
            // Every node drops what it holds in memory of access facts, whatever it read while documents were rewritten.
            await using var reset = database.CreateCommand($"select pg_notify('{AccessChanges.Channel}', '*')");
            await reset.ExecuteNonQueryAsync(CancellationToken.None);
        }
        var highWater = (await store.Advanced.FetchEventStoreStatistics(token: ct)).EventSequenceNumber;
        return Results.Ok(new ProjectionRebuilt(name, highWater, Math.Round(TimeProvider.System.GetElapsedTime(started).TotalSeconds, 3)));
    }

    private static IEnumerable<IProjectionSource<IDocumentOperations, IQuerySession>> Sources(IDocumentStore store) =>
        ((StoreOptions)store.Options).Projections.All;
}
