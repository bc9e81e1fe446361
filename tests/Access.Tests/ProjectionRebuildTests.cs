using Holded.Partners.Access.Grants;
using Holded.Partners.Access.Sessions;

namespace Holded.Partners.Access.Tests;

/// <summary>The grant snapshots, rebuilt from the events, equal the ones kept live.</summary>
public class ProjectionRebuildTests(PartnersApp app) : AppTest(app)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (first, _, firmAdmin, _, owner) = await Api.Collaborating();
        (await Api.Put($"/api/v1/collaborations/{first}/access-grant", owner, new { role = "full_advisor" })).ShouldBe(HttpStatusCode.OK);
        (await Api.Put($"/api/v1/collaborations/{first}/access-grant", owner, new { role = "accountant", expiresAt = DateTimeOffset.UtcNow.AddDays(90) })).ShouldBe(HttpStatusCode.OK);
        (await Api.Delete($"/api/v1/collaborations/{first}/access-grant", owner)).ShouldBe(HttpStatusCode.NoContent);
        (await Api.Put($"/api/v1/collaborations/{first}/access-grant", owner, new { role = "read_only" })).ShouldBe(HttpStatusCode.OK);
        await Api.Settled(async () => (await Api.Post($"/api/v1/collaborations/{first}/end", firmAdmin, new { reason = "Fin.", confirm = true })).ShouldBe(HttpStatusCode.OK));
        var (second, _, secondAdmin, secondClient, owner2) = await Api.Collaborating();
        (await Api.Put($"/api/v1/collaborations/{second}/access-grant", owner2, new { role = "tax_advisor" })).ShouldBe(HttpStatusCode.OK);
        (await Api.Post("/api/v1/access/sessions", secondAdmin, new { clientAccountId = secondClient })).ShouldBe(HttpStatusCode.Created);
        (await Api.Post("/api/v1/access/sessions", secondAdmin, new { clientAccountId = secondClient })).ShouldBe(HttpStatusCode.Created);
    }

    [Fact] public Task grants() => App.ShouldRebuildIdentically<Grant>(typeof(Grant));
    [Fact] public Task sessions() => App.ShouldRebuildIdentically<AccessSession>(typeof(AccessSession));
}
