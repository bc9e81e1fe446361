using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
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
                ["Audit__SigningKeyFile"] = PartnersApp.AuditSigningKeyFile,
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

    [Fact]
    public async Task audit_verify_exits_0_on_an_intact_trail_and_names_the_entry_changed_and_a_proof_verifies_offline()
    {
        var (collaboration, _, _, business, owner) = await Api.Collaborating();
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" });
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "read_only" });
        await App.ProjectionsCaughtUpAsync();

        await App.Host.Services.GetRequiredService<Holded.Partners.Access.Audit.Chain.AuditSealer>().SealAsync(CancellationToken.None);
        var (exit, output) = await Run("audit", "verify");
        exit.ShouldBe(0, output);
        output.ShouldContain("Intact: 2 entries in 2 chains");

        var proof = Path.Combine(Path.GetTempPath(), $"proof-{Guid.NewGuid():N}.json");
        (exit, output) = await Run("audit", "proof", "--client", business.ToString(), "--output", proof);
        exit.ShouldBe(0, output);
        var keyId = (await Api.Get("/api/v1/audit/keys", null)).Json![0]!["keyId"]!.GetValue<string>();
        (exit, output) = await Run("audit", "verify", "--file", proof, "--key", keyId);
        exit.ShouldBe(0, output);
        await File.WriteAllTextAsync(proof, (await File.ReadAllTextAsync(proof)).Replace("\"read_only\"", "\"full_advisor\""));
        (exit, output) = await Run("audit", "verify", "--file", proof);
        exit.ShouldNotBe(0);
        output.ShouldContain("NOT INTACT");

        await using (var session = App.Store.QuerySession())
        {
            var changed = (await session.Query<Holded.Partners.Access.Audit.AuditEntry>().Where(e => e.Type == "grant_changed").ToListAsync()).Single();
            await Count($"update access.mt_doc_auditentry set data = jsonb_set(data, '{{RoleAfter}}', '\"full_advisor\"') where id = '{changed.Id}'");
            (exit, output) = await Run("audit", "verify");
            exit.ShouldNotBe(0);
            output.ShouldContain($"First: entry_modified {changed.Id}");
        }
    }

    [Fact]
    public async Task redeliver_hands_one_modules_messages_back_to_its_handlers_and_nothing_doubles()
    {
        // Whatever earlier tests set in motion is done and gone: the window holds this test's messages only.
        await App.QuietAsync();
        await App.ResetAsync();
        var started = DateTimeOffset.UtcNow;
        var (_, partner, firmAdmin, business, owner) = await Api.Collaborating();
        await App.QuietAsync();
        var ours = $"select count(*) from notifications.mt_doc_notificationaccount where id in ('{partner}', '{business}')";
        var replicas = await Count(ours);
        replicas.ShouldBe(2);
        var theirs = $"select count(*) from notifications.mt_doc_notification where data ->> 'UserId' in ('{firmAdmin.UserId}', '{owner.UserId}')";
        var notifications = await Count(theirs);
        notifications.ShouldBeGreaterThan(0);

        // The module lost its copy of the accounts; its messages are still recorded.
        await Count("delete from notifications.mt_doc_notificationaccount");
        var (exit, output) = await Run("redeliver", "Notifications", "--from", started.ToString("O"), "--dry-run");
        exit.ShouldBe(0, output);
        output.ShouldContain("Holded.Partners.Contracts.Onboarding.AccountOpened");
        (await Count("select count(*) from notifications.mt_doc_notificationaccount")).ShouldBe(0); // a dry run delivers nothing

        (exit, output) = await Run("redeliver", "Notifications", "--from", started.ToString("O"));
        exit.ShouldBe(0, output);
        await Eventually.Until(App.ConnectionString, async () => await Count(ours) >= replicas, TimeSpan.FromSeconds(30), "the replicas were never rebuilt");
        await App.QuietAsync();
        (await Count(ours)).ShouldBe(replicas);
        (await Count(theirs)).ShouldBe(notifications); // heard again, told once
        (await Run("redeliver", "Gossip")).Exit.ShouldNotBe(0);
    }

    private Task<long> Count(string sql) => Eventually.CountAsync(App.ConnectionString, sql);
}
