using Holded.Partners.Kernel;
using Holded.Partners.Onboarding.Accounts;
using Holded.Partners.Onboarding.Program;

namespace Holded.Partners.Onboarding.Tests.Program;

public class PartnerApplicationTests(PartnersApp app) : AppTest(app)
{
    private async Task<(Guid Firm, Actor Admin)> PaidUpFirm(string advisoryType = "gestoria")
    {
        var admin = Actor.Person("Admin");
        var firm = await Api.RegisterFirm(admin, advisoryType);
        await Api.SetSubscription(firm, "active");
        return (firm, admin);
    }

    [Fact]
    public async Task a_firm_applies_a_reviewer_approves_and_the_firm_is_a_partner()
    {
        var (firm, admin) = await PaidUpFirm();
        var id = await Api.Apply(firm, admin);

        var queue = await Api.GetAs<Page<PartnerApplicationView>>("/api/v1/partner-applications?status=pending", Actor.Reviewer());
        queue.Items[0].Id.ShouldBe(id);
        (await Api.GetAs<PartnerApplicationView>($"/api/v1/partner-applications/{id}", admin)).Status.ShouldBe("pending");

        var approved = (await Api.Post($"/api/v1/partner-applications/{id}/approve", Actor.Reviewer())).ShouldBe(HttpStatusCode.OK).As<PartnerApplicationView>();
        approved.Status.ShouldBe("approved");
        (await Api.GetAs<AccountView>($"/api/v1/accounts/{firm}", admin)).IsPartner.ShouldBeTrue();
        (await Api.GetAs<Page<PartnerApplicationView>>("/api/v1/partner-applications?status=pending", Actor.Reviewer())).Total.ShouldBe(0);
        (await Api.GetAs<Page<PartnerApplicationView>>("/api/v1/partner-applications", admin)).Items[0].Status.ShouldBe("approved");
    }

    [Fact]
    public async Task every_unmet_precondition_is_named()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin, "other"); // trialing and not an eligible type
        (await Api.Post("/api/v1/partner-applications", admin, new { accountId = firm }))
            .ShouldRefuse("subscription_not_active", "advisory_type_not_eligible");

        var owner = Actor.Person();
        var business = await Api.RegisterBusiness(owner);
        (await Api.Post("/api/v1/partner-applications", owner, new { accountId = business }))
            .ShouldRefuse("account_not_advisory", "subscription_not_active");
    }

    [Theory]
    [InlineData("gestoria")]
    [InlineData("asesoria")]
    [InlineData("external_cfo")]
    public async Task each_eligible_kind_of_firm_may_apply(string advisoryType)
    {
        var (firm, admin) = await PaidUpFirm(advisoryType);
        await Api.Apply(firm, admin);
    }

    [Fact]
    public async Task preconditions_are_checked_again_at_approval()
    {
        var (firm, admin) = await PaidUpFirm();
        var id = await Api.Apply(firm, admin);
        await Api.SetSubscription(firm, "past_due");
        (await Api.Post($"/api/v1/partner-applications/{id}/approve", Actor.Reviewer())).ShouldRefuse("subscription_not_active");
        (await Api.GetAs<AccountView>($"/api/v1/accounts/{firm}", admin)).IsPartner.ShouldBeFalse();
    }

    [Fact]
    public async Task one_open_application_at_a_time_and_none_once_a_partner()
    {
        var (firm, admin) = await PaidUpFirm();
        var id = await Api.Apply(firm, admin);
        (await Api.Post("/api/v1/partner-applications", admin, new { accountId = firm })).ShouldRefuse("application_already_open");
        (await Api.Post($"/api/v1/partner-applications/{id}/approve", Actor.Reviewer())).ShouldBe(HttpStatusCode.OK);
        (await Api.Post("/api/v1/partner-applications", admin, new { accountId = firm })).ShouldRefuse("already_a_partner");
    }

    [Fact]
    public async Task two_applications_at_once_open_one()
    {
        var (firm, admin) = await PaidUpFirm();
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Api.Post("/api/v1/partner-applications", admin, new { accountId = firm })));
        replies.Count(r => r.Status == HttpStatusCode.Created).ShouldBe(1);
        replies.Where(r => r.Status != HttpStatusCode.Created)
            .ShouldAllBe(r => r.Status == HttpStatusCode.Conflict || r.Status == HttpStatusCode.UnprocessableEntity);
        (await Api.GetAs<Page<PartnerApplicationView>>("/api/v1/partner-applications?status=pending", Actor.Reviewer())).Total.ShouldBe(1);
    }

    [Fact]
    public async Task a_rejected_firm_reads_the_reason_and_may_apply_again()
    {
        var (firm, admin) = await PaidUpFirm();
        var id = await Api.Apply(firm, admin);
        var rejected = (await Api.Post($"/api/v1/partner-applications/{id}/reject", Actor.Reviewer(), new { reason = "Falta el número de colegiado." }))
            .ShouldBe(HttpStatusCode.OK);
        rejected.As<PartnerApplicationView>().Status.ShouldBe("rejected");
        (await Api.GetAs<PartnerApplicationView>($"/api/v1/partner-applications/{id}", admin)).RejectionReason.ShouldBe("Falta el número de colegiado.");
        var again = await Api.Apply(firm, admin);
        again.ShouldNotBe(id);
    }

    [Fact]
    public async Task a_decided_application_cannot_be_decided_again()
    {
        var (firm, admin) = await PaidUpFirm();
        var id = await Api.Apply(firm, admin);
        (await Api.Post($"/api/v1/partner-applications/{id}/reject", Actor.Reviewer(), new { reason = "No." })).ShouldBe(HttpStatusCode.OK);
        (await Api.Post($"/api/v1/partner-applications/{id}/approve", Actor.Reviewer())).ShouldBeProblem(HttpStatusCode.Conflict);
        (await Api.Post($"/api/v1/partner-applications/{id}/reject", Actor.Reviewer(), new { reason = "No." })).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task two_reviewers_deciding_at_once_record_one_decision()
    {
        var (firm, admin) = await PaidUpFirm();
        var id = await Api.Apply(firm, admin);
        var replies = await Task.WhenAll(
            Api.Post($"/api/v1/partner-applications/{id}/approve", Actor.Reviewer()),
            Api.Post($"/api/v1/partner-applications/{id}/reject", Actor.Reviewer(), new { reason = "Duplicado." }),
            Api.Post($"/api/v1/partner-applications/{id}/approve", Actor.Reviewer()));
        replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        replies.Where(r => r.Status != HttpStatusCode.OK).ShouldAllBe(r => r.Status == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task only_a_firms_administrator_applies()
    {
        var (firm, admin) = await PaidUpFirm();
        var manager = await Api.AddMember(firm, admin, "account_manager");
        (await Api.Post("/api/v1/partner-applications", manager, new { accountId = firm })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post("/api/v1/partner-applications", Actor.Person(), new { accountId = firm })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post("/api/v1/partner-applications", null, new { accountId = firm })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Post("/api/v1/partner-applications", admin, new { accountId = Guid.NewGuid() })).ShouldBeProblem(HttpStatusCode.NotFound);
        await Api.Delete($"/api/v1/accounts/{firm}/members/{manager.UserId}", admin);
        var formerAdmin = await Api.AddMember(firm, admin, "administrator");
        await Api.Delete($"/api/v1/accounts/{firm}/members/{formerAdmin.UserId}", admin);
        (await Api.Post("/api/v1/partner-applications", formerAdmin, new { accountId = firm })).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task only_a_reviewer_decides_and_strangers_learn_nothing()
    {
        var (firm, admin) = await PaidUpFirm();
        var id = await Api.Apply(firm, admin);
        (await Api.Post($"/api/v1/partner-applications/{id}/approve", admin)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post($"/api/v1/partner-applications/{id}/approve", Actor.Operator())).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post($"/api/v1/partner-applications/{id}/approve", Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post($"/api/v1/partner-applications/{id}/reject", Actor.Person(), new { reason = "no" })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/partner-applications/{id}", Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post($"/api/v1/partner-applications/{Guid.NewGuid()}/approve", Actor.Reviewer())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.GetAs<Page<PartnerApplicationView>>("/api/v1/partner-applications", Actor.Person())).Total.ShouldBe(0);
    }

    [Fact]
    public async Task bad_input_is_refused_and_nothing_is_stored()
    {
        var (firm, admin) = await PaidUpFirm();
        var before = await App.EventCountAsync();
        (await Api.Post("/api/v1/partner-applications", admin, new { accountId = firm, message = new string('x', 2001) })).ShouldBeInvalid("message");
        (await App.EventCountAsync()).ShouldBe(before);
        var id = await Api.Apply(firm, admin);
        before = await App.EventCountAsync();
        (await Api.Post($"/api/v1/partner-applications/{id}/reject", Actor.Reviewer(), new { reason = "" })).ShouldBeInvalid("reason");
        (await App.EventCountAsync()).ShouldBe(before);
        (await Api.Get("/api/v1/partner-applications?status=maybe", Actor.Reviewer())).ShouldBeInvalid("status");
    }
}
