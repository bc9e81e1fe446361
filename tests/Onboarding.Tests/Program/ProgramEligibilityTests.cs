using Holded.Partners.Kernel;
using Holded.Partners.Onboarding.Program;

namespace Holded.Partners.Onboarding.Tests.Program;

/// <summary>GET /api/v1/accounts/{id}/program-eligibility: the checklist a firm reads, by the rules a submit is decided by.</summary>
public class ProgramEligibilityTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task the_checklist_names_each_condition_met_or_not_and_agrees_with_what_a_submit_refuses()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin, "other");
        var read = await Api.GetAs<ProgramEligibility>($"/api/v1/accounts/{firm}/program-eligibility", admin);
        read.CanApply.ShouldBeFalse();
        read.Conditions.ToDictionary(c => c.Rule, c => c.Met).ShouldBe(new Dictionary<string, bool>
        {
            ["account_not_advisory"] = true, ["subscription_not_active"] = false, ["advisory_type_not_eligible"] = false,
        });
        var refused = (await Api.Post("/api/v1/partner-applications", admin, new { accountId = firm }))
            .ShouldRefuse("subscription_not_active", "advisory_type_not_eligible");
        read.Rules.Select(r => r.Rule).Order().ShouldBe(refused.Json!["rules"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()).Order());
        read.LatestApplication.ShouldBeNull();
    }

    [Fact]
    public async Task a_firm_that_may_apply_is_told_so_and_after_applying_sees_its_application_and_that_it_may_not_apply_again()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        await Api.SetSubscription(firm, "active");
        var before = await Api.GetAs<ProgramEligibility>($"/api/v1/accounts/{firm}/program-eligibility", admin);
        before.CanApply.ShouldBeTrue();
        before.Conditions.ShouldAllBe(c => c.Met);

        var application = await Api.Apply(firm, admin);
        var after = await Api.GetAs<ProgramEligibility>($"/api/v1/accounts/{firm}/program-eligibility", Actor.Reviewer()); // staff see it too
        after.CanApply.ShouldBeFalse();
        after.Rules.Select(r => r.Rule).ShouldBe(["application_already_open"]);
        after.LatestApplication!.Id.ShouldBe(application);
        after.OpenApplicationId.ShouldBe(application);
    }

    [Fact]
    public async Task a_stranger_and_an_unknown_account_get_404_and_no_identity_401()
    {
        var firm = await Api.RegisterFirm(Actor.Person());
        (await Api.Get($"/api/v1/accounts/{firm}/program-eligibility", Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/accounts/{Guid.NewGuid()}/program-eligibility", Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/accounts/{firm}/program-eligibility", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Get("/api/v1/accounts/not-a-guid/program-eligibility", Actor.Person())).Status.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task the_whole_queue_is_for_platform_staff_a_member_asking_for_it_is_refused()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        await Api.SetSubscription(firm, "active");
        await Api.Apply(firm, admin);
        (await Api.Get("/api/v1/partner-applications?status=pending&scope=all", admin)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.GetAs<Page<PartnerApplicationView>>("/api/v1/partner-applications?status=pending&scope=all", Actor.Reviewer())).Total.ShouldBe(1);
        (await Api.Get("/api/v1/partner-applications?scope=everything", Actor.Reviewer())).ShouldBeInvalid("scope");
    }
}
