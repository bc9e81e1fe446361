using Holded.Partners.Host.Demo;
using Holded.Partners.Host.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Holded.Partners.Host.Tests;

/// <summary>The demo data set loads through the API, with every module's consequences.</summary>
public class DemoDataTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task the_demo_data_set_loads_firms_clients_collaborations_grants_and_pending_work()
    {
        await new DemoData(App.CreateClient(), Actor.SigningKey, NullLogger.Instance).SeedAsync(CancellationToken.None);
        await App.QuietAsync();

        var directory = (await Api.Get("/api/v1/directory/partners?pageSize=50", null)).ShouldBe(HttpStatusCode.OK);
        directory["total"].GetValue<long>().ShouldBe(DemoData.Firms);
        directory["items"].AsArray().Select(p => p!["provinces"]![0]!.GetValue<string>()).Distinct().Count().ShouldBeGreaterThan(10);

        var admin = Actor.Raw(DevelopmentTokens.SubjectFor("admin@garcia-asesores.es"), "admin@garcia-asesores.es", null);
        var me = (await Api.Get("/api/v1/me", admin)).ShouldBe(HttpStatusCode.OK);
        var firm = me["memberships"][0]!["accountId"]!.GetValue<Guid>();
        var clients = (await Api.Get($"/api/v1/partners/{firm}/clients", admin)).ShouldBe(HttpStatusCode.OK)["items"].AsArray();
        clients.Count.ShouldBeGreaterThan(0);
        clients[0]!["role"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        clients[0]!["kpis"]!.AsObject().Count.ShouldBeGreaterThan(0);
        (await App.EventCountAsync("access.access_granted")).ShouldBe(17);
        (await App.EventCountAsync("access.just_in_time_requested")).ShouldBe(1);
        (await App.EventCountAsync("access.access_review_started")).ShouldBe(1);
        (await App.EventCountAsync("access.access_review_schedule_set")).ShouldBe(1);
        (await App.EventCountAsync("collaboration.pending_work_reported")).ShouldBeGreaterThan(30);
    }

    [Fact]
    public async Task a_node_loading_the_demo_data_is_ready_only_once_it_is_in()
    {
        var database = await TestDatabase.CreateAsync();
        using var host = await HostProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Demo__Seed"] = "if-empty", ["Logging__LogLevel__Holded.Partners.Host.Demo"] = "Information",
        });
        (await host.Get("/health/ready")).Status.ShouldBe(HttpStatusCode.ServiceUnavailable); // serving, loading, not ready
        await host.Said("Demo data: done", TimeSpan.FromMinutes(2));
        (await host.Get("/health/ready")).Status.ShouldBe(HttpStatusCode.OK);
        // Ready: whoever opens the directory now finds every demo firm in it.
        var (status, body) = await host.Get("/api/v1/directory/partners?pageSize=1");
        status.ShouldBe(HttpStatusCode.OK);
        System.Text.Json.Nodes.JsonNode.Parse(body)!["total"]!.GetValue<long>().ShouldBe(DemoData.Firms);
    }
}
