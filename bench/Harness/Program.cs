// The benchmark harness (bench/run.sh starts PostgreSQL, builds and publishes, and runs this): the real host as a
// separate process, each hot path driven from here over loopback, each against its ceiling measured in the same run.
// Prints one table of ratios and writes it as JSON (bench/results/benchmarks.json).

using Holded.Partners.Bench;
using Holded.Partners.Bench.Scenarios;
using Npgsql;

var o = Options.Parse(args);
Directory.CreateDirectory(o.Logs);
var environment = new Dictionary<string, string>
{
    ["ConnectionStrings__Partners"] = o.Connection, ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
    ["Auth__DevelopmentSigningKey"] = o.SigningKey, ["Access__SessionSigningKey"] = "benchmark-session-key-0123456789abcdef0123456789",
    ["Auth__ServiceClients"] = HostApi.ServiceClient,
    ["Marketplace__DirectoryRequestsPerMinute"] = "1000000000",
    ["Audit__SigningKeyFile"] = Holded.Partners.Access.Audit.Chain.AuditSigner.EnsureKeyFile(Path.GetFullPath(Path.Combine(o.Logs, "audit-signing-key.pem"))),
};
var rows = new List<Row>();
Meter.StatementCount = await Statements.CounterAsync(o.Connection);

if (new[] { "check", "command", "ingest", "search", "revocation", "audit" }.Any(o.Runs))
{
    await using var host = Server.Start(o.HostDll, o.HostPort, environment, Path.Combine(o.Logs, "host.log"));
    await using var baseline = Server.Start(o.BaselineDll, o.BaselinePort, new Dictionary<string, string>(), Path.Combine(o.Logs, "baseline.log"));
    await host.WaitFor("/health/ready", System.Diagnostics.Stopwatch.GetTimestamp(), TimeSpan.FromMinutes(2));
    await baseline.WaitFor("/health", System.Diagnostics.Stopwatch.GetTimestamp(), TimeSpan.FromMinutes(1));
    using var api = new HostApi(host.Url, o.SigningKey);
    await using var database = NpgsqlDataSource.Create(o.Connection);

    if (o.Runs("check")) { Console.WriteLine("access check..."); rows.AddRange(await Check.Run(api, host, baseline, o)); }
    if (o.Runs("command")) { Console.WriteLine("commands over HTTP: a message, a grant change, collaboration ends..."); rows.AddRange(await Command.Run(api, host, o.Connection, o)); }
    if (o.Runs("ingest")) { Console.WriteLine("pending work, single and bulk..."); rows.AddRange(await PendingWorkIngest.Run(api, host, o.Connection, o)); }
    if (o.Runs("search")) { Console.WriteLine("directory search..."); rows.AddRange(await Search.Run(database, host, o)); }
    if (o.Runs("audit")) { Console.WriteLine("audit trail reads..."); rows.AddRange(await AuditRead.Run(api, database, host, o)); }
    if (o.Runs("revocation"))
    {
        Console.WriteLine($"revocation across two nodes ({o.Revocations:N0})...");
        await using var other = Server.Start(o.HostDll, o.HostPort + 10, environment, Path.Combine(o.Logs, "host-b.log"));
        await other.WaitFor("/health/ready", System.Diagnostics.Stopwatch.GetTimestamp(), TimeSpan.FromMinutes(2));
        rows.AddRange(await Revocation.Run(api, host, other, o.Connection, o));
    }
    // What the scenarios stored, per row: the capacity model's bytes per event and per entry.
    rows.AddRange(await Storage.Run(database));
    // Everything above ran against this one host process: its peak memory is the sustained-load figure.
    rows.Add(Row.AtMost("host peak RSS under load", Math.Round(host.PeakRssBytes / 1048576.0), "MB", 300));
}

// With no other host running, on the schema the benchmark host applied: a production node's start.
if (o.Runs("start"))
{
    Console.WriteLine($"cold start: {o.Starts} starts of each...");
    rows.AddRange(await ColdStart.Run(o, environment));
}

// Last, with no host running (a rebuild rewrites what a running node reads): the operator's command against a ceiling.
if (o.Runs("rebuild")) { Console.WriteLine("rebuild of all projections..."); rows.AddRange(await Rebuild.Run(o, environment)); }

Report.Print(rows);
await Report.Write(o.Output, new { machine = Environment.MachineName, cores = Environment.ProcessorCount, o.Concurrency, seconds = o.Duration.TotalSeconds, o.Rounds, rows });
return 0;

public sealed record Options(
    string Connection, string HostDll, string BaselineDll, string StackFloorDll, int HostPort, int BaselinePort, string SigningKey, int Concurrency,
    TimeSpan Duration, int Rounds, TimeSpan Warmup, int Listings, int Events, int Starts, string[] Only, string Output, string Logs,
    int Revocations, int AuditEntries, int Ends, int LatencyRounds)
{
    public bool Runs(string scenario) => Only.Length == 0 || Only.Contains(scenario);

    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback; }
        return new Options(
            Value("--connection", ""), Path.GetFullPath(Value("--host-dll", "")), Path.GetFullPath(Value("--baseline-dll", "")),
            Path.GetFullPath(Value("--stack-floor-dll", "")),
            int.Parse(Value("--host-port", "5091")), int.Parse(Value("--baseline-port", "5092")),
            Value("--signing-key", "benchmark-signing-key-0123456789abcdef0123456789"),
            int.Parse(Value("--concurrency", "8")), TimeSpan.FromSeconds(int.Parse(Value("--seconds", "5"))), int.Parse(Value("--rounds", "3")),
            TimeSpan.FromSeconds(int.Parse(Value("--warmup", "3"))), int.Parse(Value("--listings", "50000")), int.Parse(Value("--events", "1000000")), int.Parse(Value("--starts", "5")),
            Value("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries), Value("--output", "bench/results/benchmarks.json"),
            Path.GetFullPath(Value("--logs", ".local/bench/logs")),
            int.Parse(Value("--revocations", "1000")), int.Parse(Value("--audit-entries", "1000000")), int.Parse(Value("--ends", "240")),
            // A tail percentile's floor swings from round to round (the search's came out at 82 ms in one run, 15 in another):
            // the latency rows keep the median of more rounds than the throughput rows.
            int.Parse(Value("--latency-rounds", "7")));
    }
}
