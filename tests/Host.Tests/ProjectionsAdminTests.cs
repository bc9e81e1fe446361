namespace Holded.Partners.Host.Tests;

/// <summary>Operators watch every projection's position and lag, and rebuild one from the events.</summary>
public class ProjectionsAdminTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task operators_see_each_projection_current_and_rebuild_one_with_the_same_read_model()
    {
        var (collaboration, _, firmAdmin, _, owner) = await Api.Collaborating();
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" });
        var listed = (await Api.Get("/api/v1/admin/projections", Actor.Operator())).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        var names = listed.Select(p => p!["name"]!.GetValue<string>()).ToArray();
        names.ShouldContain("Grant");
        names.ShouldContain("ClientWork");
        names.ShouldContain("Notification");
        listed.ShouldAllBe(p => p!["lag"]!.GetValue<long>() == 0 && p["status"]!.GetValue<string>() == "current");
        listed[0]!["position"]!.GetValue<long>().ShouldBeGreaterThan(0);

        var before = (await Api.Get($"/api/v1/collaborations/{collaboration}/access-grant", firmAdmin)).Body;
        var rebuilt = (await Api.Post("/api/v1/admin/projections/Grant/rebuild", Actor.Operator())).ShouldBe(HttpStatusCode.OK);
        rebuilt["name"].GetValue<string>().ShouldBe("Grant");
        (await Api.Get($"/api/v1/collaborations/{collaboration}/access-grant", firmAdmin)).Body.ShouldBe(before);
        (await Api.Post("/api/v1/access/check", Actor.Service("partners.access.check"),
            new { userId = firmAdmin.UserId, clientAccountId = (await Api.Get($"/api/v1/collaborations/{collaboration}", owner))["clientAccountId"].GetValue<Guid>(), section = "accounting", action = "write" }))
            ["allowed"].GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task only_operators_watch_and_rebuild_and_an_unknown_projection_is_a_404()
    {
        (await Api.Get("/api/v1/admin/projections", Actor.Person())).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get("/api/v1/admin/projections", Actor.Auditor())).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get("/api/v1/admin/projections", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Post("/api/v1/admin/projections/Grant/rebuild", Actor.Reviewer())).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post("/api/v1/admin/projections/Nothing/rebuild", Actor.Operator())).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
