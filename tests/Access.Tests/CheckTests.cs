using Holded.Partners.Access.Decisions;

namespace Holded.Partners.Access.Tests;

/// <summary>The ERP's question, answered with a reason for every case.</summary>
public class CheckTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.access.check");

    private async Task<Reply> Check(string userId, Guid client, string section, string action) =>
        (await Api.Post("/api/v1/access/check", Erp, new { userId, clientAccountId = client, section, action })).ShouldBe(HttpStatusCode.OK);

    private static void ShouldDecide(Reply reply, bool allowed, string reason, string? level = null)
    {
        var decision = reply.As<Decision>();
        decision.Allowed.ShouldBe(allowed, reply.Body);
        decision.Reason.ShouldBe(reason, reply.Body);
        if (level is not null) decision.Level.ShouldBe(level);
    }

    [Fact]
    public async Task a_firm_administrator_with_a_grant_may_act_within_role_and_plan()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating(); // standard plan
        ShouldDecide(await Check(firmAdmin.UserId, business, "accounting", "read"), false, "no_grant");
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" });
        ShouldDecide(await Check(firmAdmin.UserId, business, "accounting", "write"), true, "granted", "write");
        ShouldDecide(await Check(firmAdmin.UserId, business, "invoicing", "write"), false, "role_level_too_low", "read");
        ShouldDecide(await Check(firmAdmin.UserId, business, "invoicing", "read"), true, "granted", "read");
        ShouldDecide(await Check(firmAdmin.UserId, business, "payroll", "read"), false, "role_level_too_low", "none");
    }

    [Fact]
    public async Task the_plan_caps_and_a_downgrade_drops_a_section_at_once()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating();
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" });
        ShouldDecide(await Check(firmAdmin.UserId, business, "inventory", "read"), false, "plan_excludes_section");
        ShouldDecide(await Check(firmAdmin.UserId, business, "payroll", "write"), true, "granted");
        await Api.SetSubscription(business, "active", "basic");
        ShouldDecide(await Check(firmAdmin.UserId, business, "payroll", "write"), false, "plan_excludes_section");
    }

    [Fact]
    public async Task account_managers_reach_only_assigned_clients_and_lose_them_when_unassigned_or_removed()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" });
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        ShouldDecide(await Check(marta.UserId, business, "accounting", "read"), false, "not_assigned");
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } }));
        ShouldDecide(await Check(marta.UserId, business, "accounting", "write"), true, "granted");
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = Array.Empty<string>() }));
        ShouldDecide(await Check(marta.UserId, business, "accounting", "read"), false, "not_assigned");
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } }));
        await Api.Settled(() => Api.Delete($"/api/v1/accounts/{partner}/members/{marta.UserId}", firmAdmin));
        ShouldDecide(await Check(marta.UserId, business, "accounting", "read"), false, "member_removed");
    }

    [Fact]
    public async Task removal_expiry_and_the_end_of_the_collaboration_each_say_so()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating();
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor", expiresAt = DateTimeOffset.UtcNow.AddDays(10) });
        App.Clock.Advance(TimeSpan.FromDays(11));
        ShouldDecide(await Check(firmAdmin.UserId, business, "accounting", "read"), false, "grant_expired");
        App.Clock.Offset = TimeSpan.Zero;
        await Api.Delete($"/api/v1/collaborations/{collaboration}/access-grant", owner);
        ShouldDecide(await Check(firmAdmin.UserId, business, "accounting", "read"), false, "grant_removed");
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" });
        await Api.Settled(() => Api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { reason = "Fin.", confirm = true }));
        ShouldDecide(await Check(firmAdmin.UserId, business, "accounting", "read"), false, "collaboration_ended");
    }

    [Fact]
    public async Task someone_outside_any_collaborating_firm_has_no_collaboration()
    {
        var (_, _, _, business, owner) = await Api.Collaborating();
        ShouldDecide(await Check(Actor.Person().UserId, business, "accounting", "read"), false, "no_collaboration");
        ShouldDecide(await Check(owner.UserId, business, "accounting", "read"), false, "no_collaboration");
    }

    [Fact]
    public async Task only_the_erp_asks_and_the_question_must_be_well_formed()
    {
        var (_, _, firmAdmin, business, _) = await Api.Collaborating();
        var body = new { userId = firmAdmin.UserId, clientAccountId = business, section = "accounting", action = "read" };
        (await Api.Post("/api/v1/access/check", firmAdmin, body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post("/api/v1/access/check", Actor.Service("partners.billing"), body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post("/api/v1/access/check", Actor.PersonWithScope(firmAdmin, "partners.access.check"), body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        // Services are known by their client, never by a missing email: a person's token without one is no service.
        (await Api.Post("/api/v1/access/check", Actor.PersonWithoutEmail("partners.access.check"), body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post("/api/v1/access/check", Actor.UnknownClient("a-stranger", "partners.access.check"), body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post("/api/v1/access/check", Actor.ClaimingToBeAService("partners.access.check"), body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post("/api/v1/access/check", null, body)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Post("/api/v1/access/check", Erp, new { userId = "", section = "kitchen", action = "delete" }))
            .ShouldBeInvalid("userId", "clientAccountId", "section", "action");
    }
}
