using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Holded.Partners.Testing;

/// <summary>
/// A disposable PostgreSQL for one test run: a fresh database on the server named by PARTNERS_TEST_CONNECTION when set,
/// otherwise a cluster of our own under .local/tests (started once per test process, removed at exit).
/// Never the run command's database.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<string>> Server = new(StartServerAsync);
    private static int _databases;

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A new, empty database on the test server.</summary>
    public static async Task<string> CreateAsync()
    {
        var server = await Server.Value;
        var name = $"partners_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", connection)) await drop.ExecuteNonQueryAsync();
        await using (var create = new NpgsqlCommand($"create database {name}", connection)) await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, MaxPoolSize = 40 }.ConnectionString;
    }

    private static async Task<string> StartServerAsync()
    {
        var configured = Environment.GetEnvironmentVariable("PARTNERS_TEST_CONNECTION");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        var folder = Path.Combine(RepositoryRoot, ".local", "tests", $"pg-{Environment.ProcessId}");
        var port = FreePort();
        var connection = await Script("start", folder, port.ToString());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Script("destroy", folder).GetAwaiter().GetResult();
        return new NpgsqlConnectionStringBuilder(connection.Trim()) { Database = "postgres" }.ConnectionString;
    }

    private static async Task<string> Script(params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, "deploy", "local-postgres.sh"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PG_FSYNC"] = "off" }, // a throwaway database needs no durability
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Could not start the test PostgreSQL: {await error}");
        return await output;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Holded.Partners.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Holded.Partners.sln) above " + AppContext.BaseDirectory);
    }
}
