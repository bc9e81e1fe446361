using Holded.Partners.Kernel;
using Holded.Partners.Onboarding.Accounts;
using Holded.Partners.Onboarding.Identity;
using Holded.Partners.Onboarding.Team;

namespace Holded.Partners.Onboarding.Tests.Accounts;

public class RegisterAccountTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task a_person_registers_a_firm_and_becomes_its_administrator()
    {
        var ana = Actor.Person("Ana");
        var reply = (await Api.Post("/api/v1/accounts", ana, Scenarios.FirmBody())).ShouldBe(HttpStatusCode.Created);
        reply.Headers.Location!.ToString().ShouldBe($"/api/v1/accounts/{reply.Id}");

        var account = await Api.GetAs<AccountView>($"/api/v1/accounts/{reply.Id}", ana);
        account.Kind.ShouldBe("advisory");
        account.AdvisoryType.ShouldBe("gestoria");
        account.SubscriptionStatus.ShouldBe("trialing");
        account.IsPartner.ShouldBeFalse();

        var me = await Api.GetAs<MeResponse>("/api/v1/me", ana);
        var membership = me.Memberships.ShouldHaveSingleItem();
        membership.AccountId.ShouldBe(reply.Id);
        membership.Role.ShouldBe("administrator");
    }

    [Fact]
    public async Task a_business_registers_with_a_plan_and_its_creator_is_owner()
    {
        var luis = Actor.Person("Luis");
        var id = await Api.RegisterBusiness(luis, "premium");
        var members = await Api.GetAs<Page<TeamMember>>($"/api/v1/accounts/{id}/members", luis);
        members.Items[0].Role.ShouldBe("owner");
        (await Api.GetAs<AccountView>($"/api/v1/accounts/{id}", luis)).Plan.ShouldBe("premium");
    }

    [Theory]
    [InlineData("12345678Z")] // DNI
    [InlineData("X1234567L")] // NIE
    [InlineData("A58818501")] // CIF with a control digit
    [InlineData("ES B12345674")] // VAT prefix and spaces are tolerated
    public async Task spanish_tax_ids_with_a_correct_check_character_are_accepted(string taxId)
    {
        var body = Scenarios.FirmBody(taxId: taxId);
        (await Api.Post("/api/v1/accounts", Actor.Person(), body)).ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("12345678A")] // wrong DNI letter
    [InlineData("B12345675")] // wrong CIF control
    [InlineData("Q2826000A")] // P/Q/R/S need a letter... this one's letter is wrong
    [InlineData("123")]
    public async Task a_tax_id_with_a_wrong_check_character_is_refused_and_nothing_is_stored(string taxId)
    {
        (await Api.Post("/api/v1/accounts", Actor.Person(), Scenarios.FirmBody(taxId: taxId))).ShouldBeInvalid("taxId");
        (await App.EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task malformed_input_is_refused_with_every_field_named()
    {
        var body = new
        {
            kind = "advisory", advisoryType = "notary", legalName = "", taxId = "B12345674", plan = "free",
            contact = new { name = "A", email = "not-an-email", phone = "12" },
            address = new { street = "x", city = "y", postalCode = "2801", province = "atlantis" },
        };
        (await Api.Post("/api/v1/accounts", Actor.Person(), body))
            .ShouldBeInvalid("advisoryType", "legalName", "plan", "contact.email", "contact.phone", "address.postalCode", "address.province");
        (await App.EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_a_400_problem()
    {
        var reply = await Api.Send(HttpMethod.Post, "/api/v1/accounts", Actor.Person(), rawBody: "{ not json");
        reply.ShouldBeProblem(HttpStatusCode.BadRequest);
        (await App.EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_tax_id_registers_one_account_only()
    {
        var body = Scenarios.FirmBody(taxId: "B12345674");
        (await Api.Post("/api/v1/accounts", Actor.Person(), body)).ShouldBe(HttpStatusCode.Created);
        (await Api.Post("/api/v1/accounts", Actor.Person(), body)).ShouldRefuse("tax_id_already_registered");
    }

    [Fact]
    public async Task two_registrations_of_one_tax_id_at_once_store_one_account()
    {
        var body = Scenarios.FirmBody(taxId: "B12345674");
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Api.Post("/api/v1/accounts", Actor.Person(), body)));
        replies.Count(r => r.Status == HttpStatusCode.Created).ShouldBe(1);
        replies.Where(r => r.Status != HttpStatusCode.Created)
            .ShouldAllBe(r => r.Status == HttpStatusCode.Conflict || r.Status == HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task anonymous_callers_and_tokens_without_a_person_are_refused()
    {
        (await Api.Post("/api/v1/accounts", null, Scenarios.FirmBody())).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Post("/api/v1/accounts", Actor.Service("partners.billing"), Scenarios.FirmBody()))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        (await App.EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task an_account_is_invisible_to_people_outside_it()
    {
        var id = await Api.RegisterFirm(Actor.Person());
        (await Api.Get($"/api/v1/accounts/{id}", Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/accounts/{Guid.NewGuid()}", Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/accounts/{id}", Actor.Reviewer())).ShouldBe(HttpStatusCode.OK);
    }
}
