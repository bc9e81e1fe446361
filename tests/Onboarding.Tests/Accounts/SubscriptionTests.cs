using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Tests.Accounts;

public class SubscriptionTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task an_operator_activates_a_subscription()
    {
        var admin = Actor.Person();
        var id = await Api.RegisterFirm(admin);
        var reply = (await Api.Put($"/api/v1/accounts/{id}/subscription", Actor.Operator(), new { status = "active" })).ShouldBe(HttpStatusCode.OK);
        reply.As<AccountView>().SubscriptionStatus.ShouldBe("active");
        (await Api.GetAs<AccountView>($"/api/v1/accounts/{id}", admin)).SubscriptionStatus.ShouldBe("active");
    }

    [Fact]
    public async Task the_billing_service_changes_a_business_plan()
    {
        var owner = Actor.Person();
        var id = await Api.RegisterBusiness(owner, "free");
        (await Api.Put($"/api/v1/accounts/{id}/subscription", Actor.Service("partners.billing"), new { status = "active", plan = "premium" }))
            .ShouldBe(HttpStatusCode.OK);
        (await Api.GetAs<AccountView>($"/api/v1/accounts/{id}", owner)).Plan.ShouldBe("premium");
    }

    [Fact]
    public async Task saying_again_what_is_already_so_records_nothing()
    {
        var id = await Api.RegisterFirm(Actor.Person());
        await Api.SetSubscription(id, "active");
        var before = await App.EventCountAsync();
        await Api.SetSubscription(id, "active");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task unknown_status_or_a_plan_on_an_advisory_account_is_bad_input()
    {
        var id = await Api.RegisterFirm(Actor.Person());
        var before = await App.EventCountAsync();
        (await Api.Put($"/api/v1/accounts/{id}/subscription", Actor.Operator(), new { status = "gold" })).ShouldBeInvalid("status");
        (await Api.Put($"/api/v1/accounts/{id}/subscription", Actor.Operator(), new { status = "active", plan = "premium" })).ShouldBeInvalid("plan");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task members_cannot_pay_themselves_up_and_strangers_learn_nothing()
    {
        var admin = Actor.Person();
        var id = await Api.RegisterFirm(admin);
        (await Api.Put($"/api/v1/accounts/{id}/subscription", admin, new { status = "active" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Put($"/api/v1/accounts/{id}/subscription", Actor.Person(), new { status = "active" })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Put($"/api/v1/accounts/{id}/subscription", Actor.Reviewer(), new { status = "active" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        // A person's token never carries the billing service's rights, whatever scopes it claims.
        (await Api.Put($"/api/v1/accounts/{id}/subscription", Actor.PersonWithScope(admin, "partners.billing"), new { status = "active" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Put($"/api/v1/accounts/{id}/subscription", null, new { status = "active" })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Put($"/api/v1/accounts/{Guid.NewGuid()}/subscription", Actor.Operator(), new { status = "active" })).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task concurrent_changes_to_one_account_never_fail_with_a_500()
    {
        var id = await Api.RegisterBusiness(Actor.Person(), "free");
        var plans = new[] { "basic", "standard", "premium", "basic", "standard", "premium" };
        var replies = await Task.WhenAll(plans.Select(plan =>
            Api.Put($"/api/v1/accounts/{id}/subscription", Actor.Operator(), new { status = "active", plan })));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.OK || r.Status == HttpStatusCode.Conflict);
        replies.Where(r => r.Status == HttpStatusCode.Conflict).ShouldAllBe(r => r.ContentType == "application/problem+json");
    }
}
