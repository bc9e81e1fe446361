using Holded.Partners.Collaboration.Collaborations;

namespace Holded.Partners.Collaboration.Tests;

/// <summary>Every Collaboration read model, rebuilt from the events, equals the one kept live.</summary>
public class ProjectionRebuildTests(PartnersApp app) : AppTest(app)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (ended, partner, firmAdmin, _, owner) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        var luis = await Api.AddMember(partner, firmAdmin, "account_manager");
        (await Api.Put($"/api/v1/collaborations/{ended}/managers", firmAdmin, new { userIds = new[] { marta.UserId, luis.UserId } })).ShouldBe(HttpStatusCode.OK);
        await Api.Settled(async () => (await Api.Delete($"/api/v1/accounts/{partner}/members/{luis.UserId}", firmAdmin)).ShouldBe(HttpStatusCode.NoContent));
        await Api.Settled(async () => (await Api.Post($"/api/v1/collaborations/{ended}/end", owner, new { reason = "Fin.", confirm = true })).ShouldBe(HttpStatusCode.OK));
        var (active, _, admin2, _, _) = await Api.Collaborating();
        (await Api.Get($"/api/v1/collaborations/{active}", admin2)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact] public Task collaboration_views() => App.ShouldRebuildIdentically<CollaborationView>(typeof(CollaborationView));
}
