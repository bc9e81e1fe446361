using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Holded.Partners.Host.Operations;

/// <summary>
/// Readiness: a node takes traffic once every asynchronous projection it reads has applied the events that existed
/// when it was first asked. A new release carrying a new projection version is therefore not ready until that version
/// is built beside the old one (by whichever node of the new release Wolverine assigns it to); the proxy keeps sending
/// requests to the old nodes meanwhile. Once caught up, a node stays ready: async projections lag by moments, by design.
/// </summary>
public sealed class ProjectionsCaughtUp(IDocumentStore store, NpgsqlDataSource database) : IHealthCheck
{
    private long? _target;
    private volatile bool _caughtUp;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (_caughtUp) return HealthCheckResult.Healthy();
        _target ??= await ProjectionShards.LastEventAsync(database, ct);
        var behind = (await ProjectionShards.PositionsAsync(store, ct)).Where(s => s.Position < _target).ToList();
        if (behind.Count == 0)
        {
            _caughtUp = true;
            return HealthCheckResult.Healthy();
        }
        return HealthCheckResult.Unhealthy(
            $"Building projections up to event {_target}: " + string.Join(", ", behind.Select(s => $"{s.Shard.Identity} at {s.Position}")));
    }
}
