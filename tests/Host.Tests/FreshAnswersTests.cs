using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.Sessions;
using Holded.Partners.Access.State;
using Microsoft.Extensions.DependencyInjection;

namespace Holded.Partners.Host.Tests;

/// <summary>
/// Fresh answers across modules and nodes: a member removed in Onboarding and a collaboration ended in Collaboration
/// reach Access in the writer's own transaction, so the version each answers covers them. A second node whose change
/// feed has gone silent still answers from what it held without the version, and never with it.
/// </summary>
public class FreshAnswersTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.access.check");

    [Fact]
    public async Task a_removal_and_an_end_are_answered_by_a_node_that_has_not_heard_them_when_asked_with_their_versions()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" })).ShouldBe(HttpStatusCode.OK);
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } }));
        var ticket = (await Api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created).As<SessionTicket>();

        // The second node listens through a path that can go silent; its memory serves for two minutes without a heartbeat.
        await using var other = await App.StartSilentFeedNodeAsync();
        var (there, state, proxy) = (other.Api, other.State, other.Proxy);
        async Task<string> CheckThere(Actor member, string? atLeastAsFresh = null) =>
            (await there.Post("/api/v1/access/check", Erp, new { userId = member.UserId, clientAccountId = business, section = "payroll", action = "write", atLeastAsFresh }))
            .ShouldBe(HttpStatusCode.OK).As<Decision>().Reason;
        async Task<Introspection> IntrospectThere(string? atLeastAsFresh = null) =>
            (await there.Post("/api/v1/access/introspect", Erp, new { token = ticket.Token, atLeastAsFresh })).ShouldBe(HttpStatusCode.OK).As<Introspection>();
        (await CheckThere(marta)).ShouldBe("granted"); // in its memory
        (await IntrospectThere()).Active.ShouldBeTrue();

        proxy.Freeze();
        var removed = AccessNodes.VersionOf((await Api.Delete($"/api/v1/accounts/{partner}/members/{marta.UserId}", firmAdmin)).ShouldBe(HttpStatusCode.NoContent));
        (await CheckThere(marta)).ShouldBe("granted"); // the new enemy, on a node that has not heard
        (await CheckThere(marta, removed)).ShouldBe("member_removed");

        var ended = AccessNodes.VersionOf((await Api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { reason = "Cerramos el local.", confirm = true }))
            .ShouldBe(HttpStatusCode.OK));
        (await IntrospectThere()).Active.ShouldBeTrue(); // its memory still holds the collaboration as it was
        var introspected = await IntrospectThere(ended);
        introspected.Active.ShouldBeFalse();
        introspected.Reason.ShouldBe("collaboration_ended");
        (await there.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business, atLeastAsFresh = ended }))
            .ShouldBeProblem(HttpStatusCode.Forbidden)["reason"].GetValue<string>().ShouldBe("collaboration_ended");

        proxy.Thaw();
        await AccessNodes.Until(state, () => state.IsAtLeast(long.Parse(ended)));
        (await CheckThere(marta)).ShouldBe("collaboration_ended"); // the end comes first among its reasons now
        (await IntrospectThere()).Active.ShouldBeFalse();
    }
}
