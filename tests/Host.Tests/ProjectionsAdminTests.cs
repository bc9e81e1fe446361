using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.Grants;
using Holded.Partners.Host.Operations;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Holded.Partners.Host.Tests;

/// <summary>Operators watch every projection's position and lag, and rebuild one from the events.</summary>
public class ProjectionsAdminTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task operators_see_each_projection_current()
    {
        var (collaboration, _, _, _, owner) = await Api.Collaborating();
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" });
        await App.ProjectionsCaughtUpAsync();
        var listed = await Api.GetAs<ProjectionStatus[]>("/api/v1/admin/projections", Actor.Operator());
        var names = listed.Select(p => p.Name).ToArray();
        names.ShouldContain("Grant");
        names.ShouldContain("ClientWork");
        names.ShouldContain("Notification");
        var async = listed.Single(p => p.Name == "ConversationResponse");
        async.Lifecycle.ShouldBe("async");
        async.Version.ShouldBe(1u);
        listed.ShouldAllBe(p => p.Lag == 0 && p.Status == "current");
        listed[0].Position.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task an_inline_projection_access_reads_is_never_rebuilt_under_live_writes()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating();
        var grant = $"/api/v1/collaborations/{collaboration}/access-grant";
        await Api.Put(grant, owner, new { role = "accountant" });
        async Task<string> Reason() => (await Api.Post("/api/v1/access/check", Actor.Service("partners.access.check"),
            new { userId = firmAdmin.UserId, clientAccountId = business, section = "accounting", action = "write" })).ShouldBe(HttpStatusCode.OK).As<Decision>().Reason;
        (await Reason()).ShouldBe("granted");

        // The client removes access while an operator asks to rebuild the grants: the removal stands, whatever the order.
        var rebuilds = new[] { "Grant", "AccessSession", "CollaborationView" }
            .Select(name => Api.Post($"/api/v1/admin/projections/{name}/rebuild", Actor.Operator())).ToArray();
        var removal = Api.Delete(grant, owner);
        foreach (var rebuild in rebuilds)
        {
            var refused = (await rebuild).ShouldBeProblem(HttpStatusCode.Conflict);
            refused["code"].GetValue<string>().ShouldBe("inline_projection_is_rebuilt_offline");
            refused["detail"].GetValue<string>().ShouldContain("projections rebuild -p");
        }
        (await removal).ShouldBe(HttpStatusCode.NoContent);
        (await Reason()).ShouldBe("grant_removed");
        (await Api.GetAs<GrantView>(grant, owner)).Status.ShouldBe("removed");
    }

    [Fact]
    public async Task an_async_projection_is_rebuilt_on_request_to_the_same_figures_and_goes_on_following_events()
    {
        var (_, partner, _, _, owner) = await Api.Collaborating();
        await App.ProjectionsCaughtUpAsync();
        async Task<string> Figures()
        {
            var figures = (await Api.Get($"/api/v1/marketplace/partners/{partner}/responsiveness", owner)).ShouldBe(HttpStatusCode.OK).Json!.AsObject();
            figures.Remove("since"); // the window is measured from the clock; the figures from the events
            return figures.ToJsonString();
        }
        var before = await Figures();
        (await Api.Post("/api/v1/admin/projections/ConversationResponse/rebuild", Actor.Operator())).ShouldBe(HttpStatusCode.OK);
        (await Figures()).ShouldBe(before);

        // And it goes on following new events afterwards.
        await Api.RequestedCollaboration(Actor.Person("Another Owner"), partner);
        await App.ProjectionsCaughtUpAsync();
        (await Api.GetAs<Holded.Partners.Marketplace.Responsiveness.PartnerResponsiveness>($"/api/v1/marketplace/partners/{partner}/responsiveness", owner)).Asked.ShouldBe(2);
    }

    [Fact]
    public async Task a_node_is_not_ready_while_a_projection_version_it_reads_is_not_built()
    {
        (await App.CreateClient().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A node of the next release, and nobody to build its version 2 (this app's only worker knows version 1).
        await using var next = await App.StartNodeAsync(s => s.DisableAllExternalWolverineTransports()
            .ConfigureWolverine(o => o.Durability.Mode = Wolverine.DurabilityMode.MediatorOnly)
            .ConfigureMarten(o => NextRelease.Apply(o.Projections)));
        await Api.Collaborating(); // events to build from
        var ready = await next.CreateClient().GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await next.CreateClient().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
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
