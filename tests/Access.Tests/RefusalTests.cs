using Holded.Partners.Access.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Holded.Partners.Access.Tests;

/// <summary>Who is refused what, and what malformed input leaves behind: nothing.</summary>
public class RefusalTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.access.check");
    private static string GrantOf(Guid collaboration) => $"/api/v1/collaborations/{collaboration}/access-grant";

    [Theory]
    [InlineData("GET", "/api/v1/access/roles")]
    [InlineData("GET", "/api/v1/access/plans")]
    [InlineData("GET", "/api/v1/collaborations/{id}/access-grant")]
    [InlineData("PUT", "/api/v1/collaborations/{id}/access-grant")]
    [InlineData("DELETE", "/api/v1/collaborations/{id}/access-grant")]
    [InlineData("POST", "/api/v1/access/sessions")]
    [InlineData("POST", "/api/v1/access/check")]
    [InlineData("POST", "/api/v1/access/introspect")]
    [InlineData("GET", "/api/v1/audit/access")]
    public async Task without_a_token_every_access_endpoint_is_a_401(string method, string route)
    {
        var body = method is "PUT" or "POST" ? new { role = "read_only" } : null;
        (await Api.Send(new HttpMethod(method), route.Replace("{id}", Guid.NewGuid().ToString()), null, body))
            .ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task removing_access_is_the_clients_and_outsiders_learn_nothing()
    {
        var (collaboration, _, firmAdmin, _, owner) = await Api.Collaborating();
        await Api.Put(GrantOf(collaboration), owner, new { role = "accountant" });
        (await Api.Delete(GrantOf(collaboration), firmAdmin)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Delete(GrantOf(collaboration), Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Delete(GrantOf(Guid.NewGuid()), owner)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get(GrantOf(Guid.NewGuid()), owner)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await App.EventCountAsync("access.access_removed")).ShouldBe(0);

        await Api.Settled(() => Api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { reason = "Fin.", confirm = true }));
        (await Api.Delete(GrantOf(collaboration), owner)).ShouldBeProblem(HttpStatusCode.Conflict)["code"].GetValue<string>().ShouldBe("no_grant_in_force");
    }

    [Fact]
    public async Task two_removals_at_once_remove_once()
    {
        var (collaboration, _, _, _, owner) = await Api.Collaborating();
        await Api.Put(GrantOf(collaboration), owner, new { role = "accountant" });
        var replies = await Task.WhenAll(Api.Delete(GrantOf(collaboration), owner), Api.Delete(GrantOf(collaboration), owner));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.NoContent || r.Status == HttpStatusCode.Conflict);
        replies.ShouldContain(r => r.Status == HttpStatusCode.NoContent);
        (await App.EventCountAsync("access.access_removed")).ShouldBe(1);
    }

    [Fact]
    public async Task a_grant_without_a_role_or_with_an_unreadable_expiry_is_a_400_and_stores_nothing()
    {
        var (collaboration, _, _, _, owner) = await Api.Collaborating();
        var before = await App.EventCountAsync();
        (await Api.Put(GrantOf(collaboration), owner, new { })).ShouldBeInvalid("role");
        (await Api.Send(HttpMethod.Put, GrantOf(collaboration), owner, rawBody: """{"role":"read_only","expiresAt":"next tuesday"}"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        (await Api.Send(HttpMethod.Put, GrantOf(collaboration), owner, rawBody: "{\"role\":")).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_malformed_check_is_a_400_and_records_no_denial()
    {
        var (_, _, firmAdmin, business, _) = await Api.Collaborating();
        var before = await App.EventCountAsync();
        (await Api.Post("/api/v1/access/check", Erp, new { userId = firmAdmin.UserId, clientAccountId = business, section = "everything", action = "read" }))
            .ShouldBeInvalid("section");
        (await Api.Post("/api/v1/access/check", Erp, new { userId = firmAdmin.UserId, clientAccountId = business, section = "accounting", action = "delete" }))
            .ShouldBeInvalid("action");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_session_is_refused_with_each_reason_and_every_refusal_is_recorded()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        await Api.Put(GrantOf(collaboration), owner, new { role = "accountant" });
        async Task Refused(Actor who, string reason) =>
            (await Api.Post("/api/v1/access/sessions", who, new { clientAccountId = business })).ShouldBeProblem(HttpStatusCode.Forbidden)
                ["reason"].GetValue<string>().ShouldBe(reason);

        // An account manager not assigned to the client learns nothing of it (404), and is recorded all the same.
        async Task Hidden(Actor who) =>
            (await Api.Post("/api/v1/access/sessions", who, new { clientAccountId = business })).ShouldBeProblem(HttpStatusCode.NotFound);

        await Hidden(marta);
        await Api.Delete(GrantOf(collaboration), owner);
        await Refused(firmAdmin, "grant_removed");
        await Api.Put(GrantOf(collaboration), owner, new { role = "accountant", expiresAt = DateTimeOffset.UtcNow.AddDays(10) });
        App.Clock.Advance(TimeSpan.FromDays(11));
        await Refused(firmAdmin, "grant_expired");
        await Api.Settled(() => Api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { reason = "Fin.", confirm = true }));
        await Refused(firmAdmin, "collaboration_ended");
        await Api.Settled(() => Api.Delete($"/api/v1/accounts/{partner}/members/{marta.UserId}", firmAdmin));
        await Hidden(marta); // removed, and the collaboration ended: nothing is left to reach

        (await App.EventCountAsync("access.session_refused")).ShouldBe(5);
        (await App.EventCountAsync("access.session_opened")).ShouldBe(0);
    }

    [Fact]
    public async Task introspection_is_for_the_erps_scope_and_knows_an_unknown_session_or_an_expired_grant()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating();
        await Api.Put(GrantOf(collaboration), owner, new { role = "accountant", expiresAt = DateTimeOffset.UtcNow.AddDays(3) });
        var token = (await Api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created).As<SessionTicket>().Token;
        (await Api.Post("/api/v1/access/introspect", Actor.Service("partners.billing"), new { token })).ShouldBeProblem(HttpStatusCode.Forbidden);

        // Signed with our key but for a session never opened: inactive, and said so.
        var tokens = App.Host.Services.GetRequiredService<SessionTokens>();
        var unknown = tokens.Issue(Guid.NewGuid(), business, firmAdmin.UserId, new Dictionary<string, string> { ["accounting"] = "write" }, App.Clock.GetUtcNow());
        (await Api.Post("/api/v1/access/introspect", Erp, new { token = unknown })).ShouldBe(HttpStatusCode.OK).As<Introspection>().Reason.ShouldBe("unknown_session");

        // The grant expires while the token is still within its fifteen minutes.
        App.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(5));
        var fresh = (await Api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created).As<SessionTicket>().Token;
        App.Clock.Advance(TimeSpan.FromMinutes(6));
        var introspection = (await Api.Post("/api/v1/access/introspect", Erp, new { token = fresh })).ShouldBe(HttpStatusCode.OK).As<Introspection>();
        introspection.Active.ShouldBeFalse();
        introspection.Reason.ShouldBe("grant_expired");
    }
}
