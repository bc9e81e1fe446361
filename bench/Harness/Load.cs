using System.Diagnostics;

namespace Holded.Partners.Bench;

/// <summary>
/// What one path did under load: throughput, latency percentiles, errors, the server's CPU per request, and the
/// statements PostgreSQL ran per request meanwhile (everything it ran: the host's background work at that time too).
/// </summary>
public sealed record Result(long Requests, long Errors, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, double ServerCpuUsPerRequest,
    double StatementsPerRequest);

/// <summary>The server's CPU time and PostgreSQL's statement count when a run began, to take from the same at its end.</summary>
internal readonly record struct Meter(Server? Server, double Cpu, long Statements)
{
    /// <summary>
    /// Statements run so far in the benchmark's database (pg_stat_statements, when the cluster loads it: bench/run.sh
    /// does); null when it is not there.
    /// </summary>
    public static Func<long>? StatementCount { get; set; }

    public static Meter Start(Server? server) => new(server, server?.CpuSeconds() ?? 0, StatementCount?.Invoke() ?? 0);

    public double CpuSecondsSince() => Server is null ? double.NaN : Server.CpuSeconds() - Cpu;

    public double StatementsSince() => StatementCount is { } count ? count() - Statements : double.NaN;
}

/// <summary>Load, bounded in time, from this process over loopback (or straight to PostgreSQL for a raw ceiling).</summary>
public static class Load
{
    /// <summary>Closed loop: each of <paramref name="concurrency"/> workers calls again as soon as its answer is in (maximum throughput).</summary>
    public static async Task<Result> Closed(int concurrency, TimeSpan duration, Func<int, long, Task> call, Server? server = null)
    {
        var meter = Meter.Start(server);
        var latencies = new List<double>[concurrency];
        long errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            for (long i = 0; clock.Elapsed < duration; i++)
            {
                var started = Stopwatch.GetTimestamp();
                try { await call(worker, i); } catch (Exception) { Interlocked.Increment(ref errors); }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        return Summarize(latencies, errors, clock.Elapsed, meter);
    }

    /// <summary>
    /// Closed loop over a fixed number of calls (each one uses up something, as ending a collaboration does): the
    /// workers take call n = 0, 1, ... until <paramref name="count"/> are done.
    /// </summary>
    public static async Task<Result> Each(int concurrency, int count, Func<int, long, Task> call, Server? server = null)
    {
        var meter = Meter.Start(server);
        var latencies = new List<double>[concurrency];
        long errors = 0, next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                try { await call(worker, n); } catch (Exception) { Interlocked.Increment(ref errors); }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        return Summarize(latencies, errors, clock.Elapsed, meter);
    }

    /// <summary>
    /// Open loop at a fixed rate: request n is due at start + n/rate whatever happened before. A request sent behind
    /// schedule (every worker was still waiting for an answer) counts from when it was due, so a stall of the server shows
    /// in the percentiles instead of hiding as fewer requests; one sent on time counts from its sending (a timer waking
    /// an idle worker a millisecond late is the load generator's lateness, not the server's).
    /// </summary>
    public static async Task<Result> AtRate(double rate, int concurrency, TimeSpan duration, Func<int, long, Task> call, Server? server = null)
    {
        var meter = Meter.Start(server);
        var latencies = new List<double>[concurrency];
        long errors = 0, next = -1;
        var total = (long)(rate * duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            for (var n = Interlocked.Increment(ref next); n < total; n = Interlocked.Increment(ref next))
            {
                var due = TimeSpan.FromSeconds(n / rate);
                var wait = due - clock.Elapsed;
                var from = due;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                    from = clock.Elapsed;
                }
                try { await call(worker, n); } catch (Exception) { Interlocked.Increment(ref errors); }
                mine.Add((clock.Elapsed - from).TotalMilliseconds);
            }
        }));
        return Summarize(latencies, errors, clock.Elapsed, meter);
    }

    /// <summary>
    /// A path and its ceiling measured alternately, <paramref name="rounds"/> times each (A B A B A B), each keeping its
    /// median round by throughput: on shared cores a burst of noise then lands on one round, not on one side.
    /// </summary>
    public static Task<(Result Measured, Result Ceiling)> Alternating(
        int rounds, int concurrency, TimeSpan duration, Func<int, long, Task> measured, Server? server, Func<int, long, Task> ceiling, Server? ceilingServer) =>
        Rounds(rounds, () => Closed(concurrency, duration, measured, server), () => Closed(concurrency, duration, ceiling, ceilingServer),
            r => r.RequestsPerSecond);

    /// <summary>
    /// Latency at a fixed rate, for a path and its floor alternately, each keeping its median round by the percentile
    /// that is judged: a tail percentile of one short run rests on a few dozen requests and swings with any noise.
    /// </summary>
    public static Task<(Result Measured, Result Floor)> AlternatingAtRate(int rounds, double rate, int concurrency, TimeSpan duration,
        Func<int, long, Task> measured, Server? server, Func<int, long, Task> floor, Server? floorServer, Func<Result, double> percentile) =>
        Rounds(rounds, () => AtRate(rate, concurrency, duration, measured, server), () => AtRate(rate, concurrency, duration, floor, floorServer),
            percentile);

    private static async Task<(Result A, Result B)> Rounds(int rounds, Func<Task<Result>> a, Func<Task<Result>> b, Func<Result, double> by)
    {
        var first = new List<Result>();
        var second = new List<Result>();
        for (var i = 0; i < rounds; i++)
        {
            first.Add(await a());
            second.Add(await b());
        }
        Result Median(List<Result> results) => results.OrderBy(by).ElementAt(results.Count / 2);
        return (Median(first), Median(second));
    }

    private static Result Summarize(List<double>[] latencies, long errors, TimeSpan elapsed, Meter meter)
    {
        var (cpuSeconds, statements) = (meter.CpuSecondsSince(), meter.StatementsSince());
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double At(double p) => all.Length == 0 ? 0 : Math.Round(all[Math.Min(all.Length - 1, (int)(p * all.Length))], 2);
        return new Result(all.Length, errors, Math.Round(all.Length / elapsed.TotalSeconds, 1), At(0.50), At(0.95), At(0.99),
            double.IsNaN(cpuSeconds) || all.Length == 0 ? 0 : Math.Round(cpuSeconds * 1_000_000 / all.Length, 1),
            double.IsNaN(statements) || all.Length == 0 ? 0 : Math.Round(statements / all.Length, 2));
    }
}
