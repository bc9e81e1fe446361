using System.Diagnostics;
using Npgsql;

namespace Holded.Partners.Host.Tests;

/// <summary>
/// The README's commands start a PostgreSQL of their own from wherever the clone is: a folder only its owner can enter
/// (a home folder such as /root is drwx------) included, where the postgres user could not reach the cluster's files.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the scripts are for Debian, as the README says
public class LocalPostgresTests
{
    [Fact]
    public async Task a_cluster_starts_for_a_clone_in_a_folder_only_its_owner_can_enter()
    {
        var home = Directory.CreateTempSubdirectory("partners-home-");
        File.SetUnixFileMode(home.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); // drwx------
        var data = Path.Combine(home.FullName, "holded-partners", ".local", "postgres");
        try
        {
            var (started, connection) = await Script("start", data, TestDatabase.FreePort().ToString());
            started.ShouldBe(0, connection);
            await using (var database = new NpgsqlConnection(connection.Trim().Split('\n')[^1]))
            {
                await database.OpenAsync();
                await using var query = new NpgsqlCommand("select 1", database);
                (await query.ExecuteScalarAsync()).ShouldBe(1);
            }
        }
        finally
        {
            (await Script("destroy", data)).Exit.ShouldBe(0);
            home.Delete(recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> Script(params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(TestDatabase.RepositoryRoot, "deploy", "local-postgres.sh"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["PG_FSYNC"] = "off" },
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + (process.ExitCode == 0 ? "" : await error));
    }
}
