using System.Text.Json;

namespace Holded.Partners.Bench;

/// <summary>One line of the table: what was measured, its ceiling measured in the same run, the ratio and the target.</summary>
public sealed record Row(string Scenario, double Value, string Unit, string? Ceiling, double? CeilingValue, double? Ratio, string Target, bool Met, object? Details)
{
    /// <summary>The run measured, when the row is one: its costs per request are printed under the table.</summary>
    public Result? Measured { get; init; }

    /// <summary>Throughput as a share of the ceiling's (at least <paramref name="min"/>); any error fails it.</summary>
    public static Row Throughput(string scenario, Result measured, string ceiling, Result ceilingResult, double min)
    {
        var ratio = Math.Round(measured.RequestsPerSecond / ceilingResult.RequestsPerSecond, 3);
        return new(scenario, measured.RequestsPerSecond, "req/s", ceiling, ceilingResult.RequestsPerSecond, ratio, $"≥ {min:P0}",
            ratio >= min && measured.Errors == 0 && ceilingResult.Errors == 0, new { measured, ceiling = ceilingResult }) { Measured = measured };
    }

    /// <summary>Throughput shown beside its ceiling with no target: a cost made visible (any error still fails it).</summary>
    public static Row Cost(string scenario, Result measured, string ceiling, Result ceilingResult) =>
        new(scenario, measured.RequestsPerSecond, "req/s", ceiling, ceilingResult.RequestsPerSecond,
            Math.Round(measured.RequestsPerSecond / ceilingResult.RequestsPerSecond, 3), "— (shown)", measured.Errors == 0 && ceilingResult.Errors == 0,
            new { measured, ceiling = ceilingResult }) { Measured = measured };

    /// <summary>A rate (not requests) as a share of the ceiling's, at least <paramref name="min"/>.</summary>
    public static Row Share(string scenario, double value, string unit, string ceiling, double ceilingValue, double min, object? details)
    {
        var ratio = Math.Round(value / ceilingValue, 3);
        return new(scenario, value, unit, ceiling, ceilingValue, ratio, min >= 2 ? $"≥ {min:0.#}x" : $"≥ {min:P0}", ratio >= min, details);
    }

    /// <summary>
    /// A latency as a multiple of its floor's, at most <paramref name="maxTimes"/>, with no errors: the same percentile of
    /// the floor driven at the same rate by the same generator, what this machine puts under any server.
    /// </summary>
    public static Row LatencyTimes(string scenario, Result measured, Func<Result, double> percentile, string what, double maxTimes,
        string floor, Result floorResult)
    {
        var ratio = Math.Round(percentile(measured) / percentile(floorResult), 3);
        return new(scenario, percentile(measured), "ms", floor, percentile(floorResult), ratio, $"{what} ≤ {maxTimes}x",
            ratio <= maxTimes && measured.Errors == 0, new { measured, floor = floorResult }) { Measured = measured };
    }

    /// <summary>A cost (time) as a multiple of the ceiling's, at most <paramref name="maxTimes"/> (none: shown).</summary>
    public static Row Times(string scenario, double value, string ceiling, double ceilingValue, string unit, double? maxTimes, object? details)
    {
        var ratio = Math.Round(value / ceilingValue, 3);
        return new(scenario, value, unit, ceiling, ceilingValue, ratio, maxTimes is { } m ? $"≤ {m}x" : "— (shown)", ratio <= (maxTimes ?? double.MaxValue), details);
    }

    /// <summary>A rate that must reach <paramref name="min"/> by itself, beside a ceiling measured in the same run.</summary>
    public static Row AtLeast(string scenario, double value, string unit, double min, string ceiling, double ceilingValue, object? details) =>
        new(scenario, value, unit, ceiling, ceilingValue, Math.Round(value / ceilingValue, 3), $"≥ {min:N0} {unit}", value >= min, details);

    /// <summary>A measured figure another number is derived from (the capacity model's), with no target of its own.</summary>
    public static Row Figure(string scenario, double value, string unit) => new(scenario, value, unit, null, null, null, "— (shown)", true, null);

    public static Row AtMost(string scenario, double value, string unit, double max) =>
        new(scenario, value, unit, null, null, null, $"≤ {max} {unit}", value <= max, null);
}

public static class Report
{
    public static void Print(IReadOnlyList<Row> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-46}{"measured",16}{"ceiling",16}  {"ratio",8}  {"target",-14}{"",4}");
        foreach (var r in rows)
        {
            var ceiling = r.CeilingValue is { } c ? $"{c:0.##} {r.Unit}" : "—";
            var ratio = r.Ratio is { } x ? (r.Unit.EndsWith("/s") && !r.Target.EndsWith('x') ? $"{x:P0}" : $"{x:0.00}x") : "—";
            Console.WriteLine($"{r.Scenario,-46}{$"{r.Value:0.##} {r.Unit}",16}{ceiling,16}  {ratio,8}  {r.Target,-14}{(r.Met ? "met" : "MISSED"),4}");
        }
        foreach (var r in rows.Where(r => r.Ceiling is not null)) Console.WriteLine($"  ceiling of {r.Scenario}: {r.Ceiling}");
        Console.WriteLine("per request (the capacity model's costs):");
        foreach (var r in rows.Where(r => r.Measured is not null))
            Console.WriteLine($"  {r.Scenario}: host CPU {r.Measured!.ServerCpuUsPerRequest:0} µs, {r.Measured.StatementsPerRequest:0.##} statements");
    }

    public static async Task Write(string path, object report)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"written to {path}");
    }
}
