using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Holded.Partners.Host.Demo;

/// <summary>
/// Loads the demo data set once the server listens, through its own API, when `Demo:Seed` asks for it: "if-empty"
/// (what `deploy/run.sh` sets: only into a store without a single event) or "always" (the `seed` command). Never in
/// production, where development tokens do not exist.
/// </summary>
public sealed class DemoSeed(IServer server, IHostApplicationLifetime lifetime, IDocumentStore store, IConfiguration configuration,
    IHostEnvironment environment, ILogger<DemoSeed> log) : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>"if-empty", "always", or anything else for no seeding; the `seed` command sets it before starting.</summary>
    public string Mode { get; set; } = configuration["Demo:Seed"] ?? "";

    public Task Completion => _done.Task;

    /// <summary>Whether demo data is being (or about to be) loaded: until it is in, the node says it is not ready.</summary>
    public bool Loading => Mode is "if-empty" or "always" && !environment.IsProduction() && !_done.Task.IsCompleted;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            if (Mode is not ("if-empty" or "always") || environment.IsProduction()) return;
            var started = new TaskCompletionSource();
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
                await started.Task.WaitAsync(stopping);
            if (Mode == "if-empty")
            {
                await using var session = store.QuerySession();
                if (await session.Events.QueryAllRawEvents().AnyAsync(stopping))
                {
                    log.LogInformation("Demo data: the store already holds events; nothing loaded.");
                    return;
                }
            }
            var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1");
            using var api = new HttpClient { BaseAddress = new Uri(address) };
            await new DemoData(api, configuration["Auth:DevelopmentSigningKey"]!, log).SeedAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
        catch (Exception e)
        {
            log.LogError(e, "Demo data could not be loaded.");
            _done.TrySetException(e);
        }
        finally
        {
            if (_done.TrySetResult() && Mode is "if-empty" or "always") log.LogInformation("Demo data: done; this node is ready.");
        }
    }
}

/// <summary>Readiness waits for the demo data: a visitor who opens the directory once the node says ready finds it full.</summary>
public sealed class DemoLoaded(DemoSeed seed) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(seed.Loading
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("Loading the demo data set (about 15 seconds).")
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
}
