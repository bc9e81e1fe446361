using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.Grants;
using Holded.Partners.Access.Sessions;
using Marten;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Holded.Partners.Access.Tests;

public class SessionTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.access.check");

    private async Task<Introspection> Introspect(string token) =>
        (await Api.Post("/api/v1/access/introspect", Erp, new { token })).ShouldBe(HttpStatusCode.OK).As<Introspection>();

    private async Task<(Guid Collaboration, Guid Partner, Actor FirmAdmin, Guid Business, Actor Owner)> Granted(string role = "accountant")
    {
        var parties = await Api.Collaborating();
        (await Api.Put($"/api/v1/collaborations/{parties.Collaboration}/access-grant", parties.Owner, new { role })).ShouldBe(HttpStatusCode.OK);
        return parties;
    }

    private async Task<string> Open(Actor member, Guid business) =>
        (await Api.Post("/api/v1/access/sessions", member, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created).As<SessionTicket>().Token;

    [Fact]
    public async Task a_member_who_may_reach_the_client_gets_a_delegated_token()
    {
        var (collaboration, _, firmAdmin, business, _) = await Granted();
        var ticket = (await Api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created).As<SessionTicket>();
        ticket.Permissions["accounting"].ShouldBe("write");
        ticket.CollaborationId.ShouldBe(collaboration);

        var jwt = new JsonWebToken(ticket.Token);
        jwt.Subject.ShouldBe(business.ToString());
        jwt.GetClaim("act").Value.ShouldContain(firmAdmin.UserId);
        jwt.GetClaim("scope").Value.Split(' ').ShouldContain("accounting:write");
        jwt.GetClaim("scope").Value.Split(' ').ShouldContain("invoicing:read");
        jwt.GetClaim("scope").Value.ShouldNotContain("payroll");
        jwt.GetClaim("sid").Value.ShouldBe(ticket.SessionId.ToString());
        (jwt.ValidTo - DateTime.UtcNow).ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(15));

        var introspection = await Introspect(ticket.Token);
        introspection.Active.ShouldBeTrue();
        introspection.Permissions.ShouldNotBeNull()["accounting"].ShouldBe("write");
        (await App.EventCountAsync("access.session_opened")).ShouldBe(1);
    }

    [Fact]
    public async Task a_member_who_may_not_is_refused_with_the_reason_and_the_refusal_is_recorded()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var refused = (await Api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business })).ShouldBeProblem(HttpStatusCode.Forbidden);
        refused["reason"].GetValue<string>().ShouldBe("no_grant");
        (await Api.Post("/api/v1/access/sessions", Actor.Person(), new { clientAccountId = business })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await App.EventCountAsync("access.session_refused")).ShouldBe(1); // a stranger's attempt is not written into the client's trail
        (await App.EventCountAsync("access.session_opened")).ShouldBe(0);
        (await Api.Post("/api/v1/access/sessions", Erp, new { clientAccountId = business })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post("/api/v1/access/sessions", firmAdmin, new { })).ShouldBeInvalid("clientAccountId");
    }

    [Fact]
    public async Task a_token_stops_working_at_once_when_the_grant_is_removed()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Granted();
        var token = await Open(firmAdmin, business);
        await Api.Delete($"/api/v1/collaborations/{collaboration}/access-grant", owner);
        var introspection = await Introspect(token);
        introspection.Active.ShouldBeFalse();
        introspection.Reason.ShouldBe("grant_removed");
    }

    [Fact]
    public async Task a_token_stops_working_when_the_collaboration_ends()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Granted();
        var token = await Open(firmAdmin, business);
        await Api.Settled(() => Api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { reason = "Fin.", confirm = true }));
        (await Introspect(token)).Reason.ShouldBe("collaboration_ended");
    }

    [Fact]
    public async Task a_managers_token_stops_working_when_unassigned_or_removed()
    {
        var (collaboration, partner, firmAdmin, business, _) = await Granted();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } }));
        var token = await Open(marta, business);
        (await Introspect(token)).Active.ShouldBeTrue();
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = Array.Empty<string>() }));
        (await Introspect(token)).Reason.ShouldBe("not_assigned");

        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } }));
        var again = await Open(marta, business);
        await Api.Settled(() => Api.Delete($"/api/v1/accounts/{partner}/members/{marta.UserId}", firmAdmin));
        (await Introspect(again)).Reason.ShouldBe("member_removed");
        (await Api.Post("/api/v1/access/check", Erp, new { userId = marta.UserId, clientAccountId = business, section = "accounting", action = "read" }))
            .ShouldBe(HttpStatusCode.OK).As<Decision>().Allowed.ShouldBeFalse();
    }

    [Fact]
    public async Task a_plan_downgrade_narrows_a_live_token()
    {
        var (_, _, firmAdmin, business, _) = await Granted("full_advisor");
        var token = await Open(firmAdmin, business);
        await Api.SetSubscription(business, "active", "basic");
        var introspection = await Introspect(token);
        introspection.Active.ShouldBeTrue();
        introspection.Permissions.ShouldNotBeNull()["payroll"].ShouldBe("none");
        introspection.Permissions["accounting"].ShouldBe("write");
    }

    [Fact]
    public async Task an_expired_forged_or_foreign_token_is_inactive_and_only_the_erp_may_ask()
    {
        var (_, _, firmAdmin, business, _) = await Granted();
        var token = await Open(firmAdmin, business);
        (await Introspect(token[..^3] + "abc")).Active.ShouldBeFalse();
        (await Introspect(firmAdmin.Token)).Active.ShouldBeFalse();
        App.Clock.Advance(TimeSpan.FromMinutes(16));
        (await Introspect(token)).Reason.ShouldBe("invalid_or_expired_token");
        (await Api.Post("/api/v1/access/introspect", firmAdmin, new { token })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post("/api/v1/access/introspect", Erp, new { })).ShouldBeInvalid("token");
    }

    [Fact]
    public async Task a_grants_state_as_of_a_past_instant_comes_from_its_event_stream()
    {
        var (collaboration, _, _, _, owner) = await Granted("full_advisor");
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "read_only" });
        await Api.Delete($"/api/v1/collaborations/{collaboration}/access-grant", owner);

        await using var session = App.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(Grant.IdFor(collaboration));
        events.Count.ShouldBe(3);
        var asGranted = await session.Events.AggregateStreamAsync<Grant>(Grant.IdFor(collaboration), timestamp: events[0].Timestamp);
        asGranted!.Role.ShouldBe("full_advisor");
        asGranted.Status.ShouldBe("active");
        var asChanged = await session.Events.AggregateStreamAsync<Grant>(Grant.IdFor(collaboration), version: 2);
        asChanged!.Role.ShouldBe("read_only");
        (await session.LoadAsync<Grant>(Grant.IdFor(collaboration)))!.Status.ShouldBe("removed");
    }

    [Fact]
    public async Task an_unassigned_manager_or_a_removed_member_learns_nothing_of_the_client()
    {
        var (collaboration, partner, firmAdmin, business, _) = await Granted();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        var refused = await Api.Post("/api/v1/access/sessions", marta, new { clientAccountId = business });
        refused.ShouldBeProblem(HttpStatusCode.NotFound);
        refused.Body.ShouldNotContain("not_assigned");
        var unknown = (await Api.Post("/api/v1/access/sessions", marta, new { clientAccountId = Guid.NewGuid() })).ShouldBeProblem(HttpStatusCode.NotFound);
        refused["detail"].GetValue<string>().ShouldBe(unknown["detail"].GetValue<string>()); // alike: nothing tells them apart
        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } })).ShouldBe(HttpStatusCode.OK);
        (await Api.Post("/api/v1/access/sessions", marta, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created);
        (await Api.Delete($"/api/v1/accounts/{partner}/members/{marta.UserId}", firmAdmin)).ShouldBe(HttpStatusCode.NoContent);
        (await Api.Post("/api/v1/access/sessions", marta, new { clientAccountId = business })).ShouldBeProblem(HttpStatusCode.NotFound);
        // Their attempts are still in the client's trail: they worked for it.
        (await App.EventCountAsync("access.session_refused")).ShouldBe(2);
    }

    [Fact]
    public async Task refused_sessions_are_limited_per_caller()
    {
        var (_, _, firmAdmin, business, _) = await Api.Collaborating(); // no grant: each attempt is refused
        var replies = new List<Reply>();
        for (var i = 0; i < 12; i++) replies.Add(await Api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business }));
        replies.Take(10).ShouldAllBe(r => r.Status == HttpStatusCode.Forbidden);
        replies.Skip(10).ShouldAllBe(r => r.Status == HttpStatusCode.TooManyRequests);
        replies[^1].ShouldBeProblem(HttpStatusCode.TooManyRequests);
        (await App.EventCountAsync("access.session_refused")).ShouldBe(10);
        // A stranger probing many clients is limited the same way, and never recorded.
        var stranger = Actor.Person();
        for (var i = 0; i < 11; i++) await Api.Post("/api/v1/access/sessions", stranger, new { clientAccountId = Guid.NewGuid() });
        (await Api.Post("/api/v1/access/sessions", stranger, new { clientAccountId = business })).ShouldBeProblem(HttpStatusCode.TooManyRequests);
        (await App.EventCountAsync("access.session_refused")).ShouldBe(10);
    }

    [Fact]
    public async Task a_session_is_read_back_by_its_member_only_and_its_ticket_is_never_cached()
    {
        var (_, _, firmAdmin, business, owner) = await Granted();
        var ticket = (await Api.Post("/api/v1/access/sessions", firmAdmin, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created);
        ticket.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var location = ticket.Headers.Location!.ToString();
        var read = (await Api.Get(location, firmAdmin)).ShouldBe(HttpStatusCode.OK);
        read.As<SessionView>().SessionId.ShouldBe(ticket.As<SessionTicket>().SessionId);
        read.As<SessionView>().Permissions["accounting"].ShouldBe("write");
        read.Body.ShouldNotContain("token");
        (await Api.Get(location, owner)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get(location, Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/access/sessions/{Guid.NewGuid()}", firmAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
