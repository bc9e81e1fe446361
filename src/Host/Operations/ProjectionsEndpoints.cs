using System.Security.Claims;
using Holded.Partners.Kernel;
using JasperFx;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;

namespace Holded.Partners.Host.Operations;

public sealed record ProjectionStatus(string Name, uint Version, string Lifecycle, long Position, long HighWaterMark, long Lag, string Status);

public sealed record ProjectionRebuilt(string Name, long HighWaterMark, double Seconds);

/// <summary>
/// For operators: every projection's position in the event store, how far behind it is, and a rebuild from the events.
/// Inline projections are written in the same transaction as their events, so they are never behind, and are rebuilt
/// only offline (409 here). An async projection is listed in each version this node knows (during a blue/green release
/// the old nodes list the old one) and rebuilt here by this node's daemon.
/// </summary>
public static class ProjectionsEndpoints
{
    public static ProblemDetails Validate(Caller caller) =>
        caller.Is(PlatformRoles.Operator) ? Problems.None : Problems.Forbidden("Projections are the platform operators' to watch and rebuild.");

    [WolverineGet("/api/v1/admin/projections")]
    public static async Task<IReadOnlyList<ProjectionStatus>> Get(IDocumentStore store, NpgsqlDataSource database, CancellationToken ct)
    {
        var last = await ProjectionShards.LastEventAsync(database, ct);
        var inline = Sources(store).Where(p => p.Lifecycle == ProjectionLifecycle.Inline)
            .Select(p => new ProjectionStatus(p.Name, p.Version, "inline", last, last, 0, "current"));
        var async = (await ProjectionShards.PositionsAsync(store, ct)).Select(s => new ProjectionStatus(
            s.Shard.Name, s.Shard.Version, "async", s.Position, last, Math.Max(0, last - s.Position), s.Position >= last ? "current" : "behind"));
        return [.. inline.Concat(async).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Version)];
    }

    [WolverinePost("/api/v1/admin/projections/{name}/rebuild")]
    public static async Task<IResult> Rebuild(
        string name, IDocumentStore store, Marten.Events.Daemon.Coordination.IProjectionCoordinator coordinator, NpgsqlDataSource database,
        IEnumerable<IAfterRebuild> afterRebuild, CancellationToken ct)
    {
        if (Sources(store).FirstOrDefault(p => p.Name == name) is not { } projection) return Results.Problem(Problems.NotFound("projection"));
        // An inline projection is written in the transaction of its events, so it is never behind. Rebuilt under live
        // writes, a write committed after the rebuild read its events could be overwritten by the older state: a
        // revoked grant or an ended collaboration brought back. It is rebuilt offline, never here.
        if (projection.Lifecycle == ProjectionLifecycle.Inline)
            return Results.Problem(Problems.Conflict("inline_projection_is_rebuilt_offline",
                $"{name} is an inline projection: written with its events, it is never behind, and rebuilding it while nodes take " +
                $"writes could bring back a state a later write changed. Stop every node, then run `projections rebuild -p {name}` " +
                "(dotnet run --project src/Host -- projections rebuild -p " + name + "), and start them again. Asynchronous projections are rebuilt here."));
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            // This node's own daemon, so an async projection running here is stopped, rebuilt and restarted in one
            // place. Never cut short by the caller going away: a half-replayed read model is worse than a slow answer.
            var daemon = coordinator.DaemonForMainDatabase();
            // The daemon stops the shards it rebuilds and leaves them stopped; the ones this node ran are started
            // again here, not whenever the agent distribution next looks (which left new events unread for a while).
            var running = daemon.CurrentAgents().Where(a => a.Name.Name == name && a.Status == AgentStatus.Running)
                .Select(a => a.Name.Identity).ToArray();
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(10), CancellationToken.None);
            foreach (var shard in running) await daemon.StartAgentAsync(shard, CancellationToken.None);
        }
        finally
        {
            // Every module drops what it holds in memory (Access: on every node), whatever it read while documents were rewritten.
            foreach (var module in afterRebuild) await module.AfterRebuildAsync(CancellationToken.None);
        }
        return Results.Ok(new ProjectionRebuilt(name, await ProjectionShards.LastEventAsync(database, ct),
            Math.Round(TimeProvider.System.GetElapsedTime(started).TotalSeconds, 3)));
    }

    private static IEnumerable<IProjectionSource<IDocumentOperations, IQuerySession>> Sources(IDocumentStore store) =>
        ((StoreOptions)store.Options).Projections.All;
}
