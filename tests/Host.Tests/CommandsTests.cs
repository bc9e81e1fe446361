using System.Diagnostics;
using Holded.Partners.Access.Grants;

namespace Holded.Partners.Host.Tests;

/// <summary>The operator's commands, run as the real host process against this app's database.</summary>
public class CommandsTests(PartnersApp app) : AppTest(app)
{
    private async Task<(int Exit, string Output)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Holded.Partners.Host.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing", ["ConnectionStrings__Partners"] = App.ConnectionString,
                ["Auth__DevelopmentSigningKey"] = Actor.SigningKey, ["Access__SessionSigningKey"] = PartnersApp.SessionSigningKey,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task replay_shows_a_grant_as_of_a_version_and_audit_export_writes_the_trail_as_csv()
    {
        var (collaboration, partner, _, business, owner) = await Api.Collaborating();
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" });
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "read_only" });

        var (exit, output) = await Run("replay", "Grant", Grant.IdFor(collaboration).ToString(), "--version", "1", "--json");
        exit.ShouldBe(0, output);
        output.ShouldContain("\"role\": \"full_advisor\"");
        output.ShouldNotContain("read_only");
        (exit, output) = await Run("replay", "Grant", Grant.IdFor(collaboration).ToString());
        output.ShouldContain("access.access_grant_changed");
        output.ShouldContain("\"role\": \"read_only\"");
        (exit, _) = await Run("replay", "Nothing", Guid.NewGuid().ToString());
        exit.ShouldNotBe(0);

        var file = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.csv");
        (exit, output) = await Run("audit", "export", "--client", business.ToString(), "--output", file);
        exit.ShouldBe(0, output);
        var lines = await File.ReadAllLinesAsync(file);
        lines[0].ShouldStartWith("at,type,client_account_id");
        lines.Skip(1).Select(l => l.Split(',')[1]).ShouldBe(["grant_changed", "grant_created"]);
        (exit, _) = await Run("audit", "export", "--type", "gossip");
        exit.ShouldNotBe(0);
    }
}
