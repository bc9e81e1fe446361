using Holded.Partners.Access.Audit;
using Holded.Partners.Access.Decisions;

namespace Holded.Partners.Access.Tests;

/// <summary>Many checks in one request: each the single check's answer, in the order asked, recorded as the single one records.</summary>
public class BatchCheckTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.access.check");
    private const string Batch = "/api/v1/access/checks";

    private static object Q(string userId, Guid client, string section, string action) => new { userId, clientAccountId = client, section, action };

    private async Task<Decision> Single(object question) =>
        (await Api.Post("/api/v1/access/check", Erp, question)).ShouldBe(HttpStatusCode.OK).As<Decision>();

    [Fact]
    public async Task each_question_is_answered_as_the_single_check_answers_it_in_the_order_asked()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating(); // accountant: invoicing read only, inventory none
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK);
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        object[] questions =
        [
            Q(firmAdmin.UserId, business, "accounting", "write"), Q(firmAdmin.UserId, business, "invoicing", "write"),
            Q(firmAdmin.UserId, business, "inventory", "read"), Q(marta.UserId, business, "accounting", "read"),
            Q("someone-else", business, "accounting", "read"), Q(firmAdmin.UserId, Guid.NewGuid(), "accounting", "read"),
        ];
        var batch = (await Api.Post(Batch, Erp, new { checks = questions })).ShouldBe(HttpStatusCode.OK).As<BatchDecisions>().Results;
        batch.Select(d => d.Reason).ShouldBe(["granted", "role_level_too_low", "role_level_too_low", "not_assigned", "no_collaboration", "no_collaboration"]);
        for (var i = 0; i < questions.Length; i++) batch[i].ShouldBe(await Single(questions[i]));
    }

    [Fact]
    public async Task the_refusals_of_those_who_work_for_the_client_are_in_the_trail_as_the_single_check_records_them()
    {
        var (_, partner, firmAdmin, business, owner) = await Api.Collaborating();
        (await Api.Post(Batch, Erp, new { checks = new[]
        {
            Q(firmAdmin.UserId, business, "accounting", "read"), Q(firmAdmin.UserId, business, "taxes", "write"), Q("stranger", business, "taxes", "read"),
        } })).ShouldBe(HttpStatusCode.OK).As<BatchDecisions>().Results.ShouldAllBe(d => !d.Allowed);
        await App.DenialWindowsEndedAsync(); // the stranger to the client is not recorded against it
        var denied = (await Api.Get($"/api/v1/audit/access?clientAccountId={business}&type={AuditTypes.AccessDenied}", owner)).As<AuditPage>().Items;
        denied.Select(e => e.Permissions).Order().ShouldBe(["accounting:read", "taxes:write"]);
        denied.ShouldAllBe(e => e.Reason == "no_grant" && e.PartnerAccountId == partner);
    }

    [Fact]
    public async Task a_malformed_question_refuses_the_request_naming_it_and_nothing_is_recorded()
    {
        var (_, _, firmAdmin, business, _) = await Api.Collaborating();
        var good = Q(firmAdmin.UserId, business, "accounting", "read");
        var before = await App.EventCountAsync();
        (await Api.Post(Batch, Erp, new { })).ShouldBeInvalid("checks");
        (await Api.Post(Batch, Erp, new { checks = Array.Empty<object>() })).ShouldBeInvalid("checks");
        (await Api.Post(Batch, Erp, new { checks = Enumerable.Repeat(good, CheckAccessInBatchEndpoint.MaxChecks + 1) })).ShouldBeInvalid("checks");
        (await Api.Post(Batch, Erp, new { checks = new[] { good, Q(firmAdmin.UserId, business, "gossip", "read") } })).ShouldBeInvalid("checks[1].section");
        (await Api.Post(Batch, Erp, new { checks = new[] { good, Q(firmAdmin.UserId, business, "accounting", "delete") } })).ShouldBeInvalid("checks[1].action");
        (await Api.Post(Batch, Erp, new { checks = new object?[] { null } })).ShouldBeInvalid("checks[0].userId");
        (await Api.Post(Batch, Erp, new { checks = new[] { new { userId = "u", section = "accounting", action = "read" } } })).ShouldBeInvalid("checks[0].clientAccountId");
        (await Api.Post(Batch, Erp, new { checks = new[] { good }, atLeastAsFresh = "abc" })).ShouldBeInvalid("atLeastAsFresh");
        (await Api.Post(Batch, Erp, new { checks = new[] { new { userId = firmAdmin.UserId, clientAccountId = business, section = "accounting", action = "read", atLeastAsFresh = "1" } } }))
            .ShouldBeInvalid("checks[0].atLeastAsFresh");
        (await Api.Send(HttpMethod.Post, Batch, Erp, rawBody: "{\"checks\": [")).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await App.EventCountAsync()).ShouldBe(before); // not even the refusal of no_grant
    }

    [Fact]
    public async Task only_the_erps_check_token_asks()
    {
        var (_, _, firmAdmin, business, owner) = await Api.Collaborating();
        var body = new { checks = new[] { Q(firmAdmin.UserId, business, "accounting", "read") } };
        (await Api.Post(Batch, null, body)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Post(Batch, owner, body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post(Batch, Actor.Service("partners.pending-work.write"), body)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task asked_at_least_as_fresh_as_a_write_every_answer_sees_it()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating();
        var granted = (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK);
        var version = AccessNodes.VersionOf(granted);
        var results = (await Api.Post(Batch, Erp, new { checks = new[] { Q(firmAdmin.UserId, business, "accounting", "write"), Q(firmAdmin.UserId, business, "taxes", "read") },
            atLeastAsFresh = version })).ShouldBe(HttpStatusCode.OK).As<BatchDecisions>().Results;
        results.ShouldAllBe(d => d.Allowed && d.Reason == "granted");
        (await Api.Post(Batch, Erp, new { checks = new[] { Q(firmAdmin.UserId, business, "accounting", "write") }, atLeastAsFresh = (long.Parse(version) + 1_000_000).ToString() }))
            .ShouldRefuse("access_version_unknown");
    }
}
