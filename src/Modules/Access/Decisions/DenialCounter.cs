using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Holded.Partners.Access.Decisions;

/// <summary>
/// This node's denied checks, counted per denial. The first time a denial is answered in a window it is added to its
/// window in PostgreSQL before the answer, so no distinct denial is ever lost; its repeats are counted in memory and
/// added every <see cref="AccessOptions.DenialFlushEvery"/>, so the ERP retrying a refused action a thousand times a
/// second costs one write a second, not a thousand. What a crash can lose is the repeats of the last interval (their
/// denial is recorded already), never a denial; only when PostgreSQL cannot take the first time either is it answered
/// (a refusal needs no write to be in force) and kept in memory for the next flush.
/// </summary>
public sealed class DenialCounter(DenialWindows windows, IOptions<AccessOptions> options, ILogger<DenialCounter> log)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Denial, DateTimeOffset> _added = []; // when this node last added a denial's first time
    private Dictionary<Denial, DenialCount> _repeats = [];

    public async Task CountAsync(IReadOnlyList<Denial> denials, DateTimeOffset at, CancellationToken ct)
    {
        List<DenialCount>? firsts = null;
        lock (_gate)
            foreach (var denial in denials)
                if (_added.TryGetValue(denial, out var since) && at - since < options.Value.DenialWindow)
                    _repeats[denial] = _repeats.TryGetValue(denial, out var c) ? c with { Count = c.Count + 1, LastAt = at } : new(denial, 1, at, at);
                else
                {
                    _added[denial] = at;
                    (firsts ??= []).Add(new DenialCount(denial, 1, at, at));
                }
        if (firsts is null) return;
        try { await windows.AddAsync(firsts, ct); }
        catch (Exception e)
        {
            // The refusal is answered all the same (it refuses); its count waits in memory for the next flush.
            log.LogWarning(e, "A denied check could not be written before its answer; it is kept for the next flush.");
            Keep(firsts);
        }
    }

    /// <summary>Adds the repeats counted since the last flush, and forgets denials whose window has passed.</summary>
    public async Task FlushAsync(DateTimeOffset now, CancellationToken ct)
    {
        Dictionary<Denial, DenialCount> repeats;
        lock (_gate)
        {
            (repeats, _repeats) = (_repeats, []);
            foreach (var (denial, since) in _added.ToArray())
                if (now - since >= options.Value.DenialWindow && !repeats.ContainsKey(denial)) _added.Remove(denial);
        }
        if (repeats.Count == 0) return;
        try { await windows.AddAsync([.. repeats.Values], ct); }
        catch
        {
            Keep(repeats.Values);
            throw;
        }
    }

    /// <summary>Counts not written: kept for the next flush, added to what comes meanwhile.</summary>
    private void Keep(IEnumerable<DenialCount> counts)
    {
        lock (_gate)
            foreach (var c in counts)
                _repeats[c.Denial] = _repeats.TryGetValue(c.Denial, out var n)
                    ? new DenialCount(c.Denial, c.Count + n.Count, c.FirstAt < n.FirstAt ? c.FirstAt : n.FirstAt, c.LastAt > n.LastAt ? c.LastAt : n.LastAt) : c;
    }
}

/// <summary>
/// On every node, every <see cref="AccessOptions.DenialFlushEvery"/>: adds the node's repeated denials, then closes the
/// windows that have ended (any node may close any window; they meet on its version). Once more when the host stops.
/// </summary>
public sealed class DenialFlusher(DenialCounter counter, DenialWindows windows, IOptions<AccessOptions> options, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<DenialFlusher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Stopping is heard when the host begins to stop, while the database is still there to write to.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        while (!stopping.IsCancellationRequested)
        {
            try { await Task.Delay(options.Value.DenialFlushEvery, clock, stopping.Token); }
            catch (OperationCanceledException) { }
            try
            {
                await counter.FlushAsync(clock.GetUtcNow(), CancellationToken.None);
                if (!stopping.IsCancellationRequested) await windows.CloseEndedAsync(clock.GetUtcNow(), stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
            catch (Exception e) { log.LogWarning(e, "Denied checks were not written this time; their counts are kept for the next time."); }
        }
    }
}
