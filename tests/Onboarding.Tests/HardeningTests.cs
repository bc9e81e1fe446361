using Holded.Partners.Onboarding.Profiles;
using Holded.Partners.Onboarding.Team;
namespace Holded.Partners.Onboarding.Tests;

/// <summary>Holes a review found; each test fails without its fix.</summary>
public class HardeningTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task an_unverified_email_neither_sees_nor_accepts_an_invitation()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        var marta = Actor.Person();
        var id = (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = marta.Email, role = "administrator" })).Id;
        (await Api.Get("/api/v1/me", marta.Unverified()))["pendingInvitations"].AsArray().ShouldBeEmpty();
        (await Api.Get($"/api/v1/invitations/{id}", marta.Unverified())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post($"/api/v1/invitations/{id}/accept", marta.Unverified())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post($"/api/v1/invitations/{id}/accept", marta)).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("POST", "/api/v1/accounts")]
    [InlineData("POST", "/api/v1/partner-applications")]
    [InlineData("POST", "/api/v1/accounts/{firm}/invitations")]
    [InlineData("PUT", "/api/v1/accounts/{firm}/members/{admin}")]
    [InlineData("PUT", "/api/v1/partners/{firm}/profile")]
    public async Task a_null_body_is_a_400_not_a_500(string method, string url)
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        var before = await App.EventCountAsync();
        var reply = await Api.Send(new HttpMethod(method), url.Replace("{firm}", firm.ToString()).Replace("{admin}", admin.UserId), admin, rawBody: "null");
        reply.ShouldBeProblem(HttpStatusCode.BadRequest);
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_null_body_padded_past_any_short_read_is_still_a_400()
    {
        var reply = await Api.Send(HttpMethod.Post, "/api/v1/accounts", Actor.Person(), rawBody: new string(' ', 200) + "null" + new string('\n', 50));
        reply.ShouldBeProblem(HttpStatusCode.BadRequest);
        (await App.EventCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task digits_of_other_scripts_are_not_digits()
    {
        (await Api.Post("/api/v1/accounts", Actor.Person(), Scenarios.FirmBody(taxId: "１２３４５６７８Z"))).ShouldBeInvalid("taxId");
        (await Api.Post("/api/v1/accounts", Actor.Person(), Scenarios.FirmBody(taxId: "١٢٣٤٥٦٧٨Z"))).ShouldBeInvalid("taxId");
    }

    [Fact]
    public async Task a_removed_administrators_invitations_end_with_them()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        var second = await Api.AddMember(firm, admin, "administrator");
        var alt = Actor.Person();
        var invitation = (await Api.Post($"/api/v1/accounts/{firm}/invitations", second, new { email = alt.Email, role = "administrator" })).Id;
        var kept = (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = "kept@example.es", role = "account_manager" })).Id;
        (await Api.Delete($"/api/v1/accounts/{firm}/members/{second.UserId}", admin)).ShouldBe(HttpStatusCode.NoContent);
        (await Api.Post($"/api/v1/invitations/{invitation}/accept", alt)).ShouldBeProblem(HttpStatusCode.Conflict);
        (await Api.GetAs<InvitationView>($"/api/v1/invitations/{kept}", admin)).Status.ShouldBe("pending");
    }

    [Fact]
    public async Task a_demoted_administrators_invitations_end_too()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        var second = await Api.AddMember(firm, admin, "administrator");
        var invitation = (await Api.Post($"/api/v1/accounts/{firm}/invitations", second, new { email = "alt@example.es", role = "administrator" })).Id;
        (await Api.Put($"/api/v1/accounts/{firm}/members/{second.UserId}", admin, new { role = "account_manager" })).ShouldBe(HttpStatusCode.OK);
        (await Api.GetAs<InvitationView>($"/api/v1/invitations/{invitation}", admin)).Status.ShouldBe("revoked");
    }

    [Fact]
    public async Task an_unknown_platform_role_is_no_role_and_a_role_needs_a_person()
    {
        var firm = await Api.RegisterFirm(Actor.Person());
        (await Api.Get($"/api/v1/accounts/{firm}", Actor.Raw("x-1", "x@example.es", "superuser"))).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/accounts/{firm}", Actor.Raw("robot", null, "reviewer"))).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_reviewer_does_not_decide_for_their_own_firm()
    {
        var reviewer = Actor.Reviewer();
        var firm = await Api.RegisterFirm(reviewer);
        await Api.SetSubscription(firm, "active");
        var application = await Api.Apply(firm, reviewer);
        (await Api.Post($"/api/v1/partner-applications/{application}/approve", reviewer)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post($"/api/v1/partner-applications/{application}/approve", Actor.Reviewer())).ShouldBe(HttpStatusCode.OK);

        (await Api.Put($"/api/v1/partners/{firm}/profile", reviewer, Scenarios.CompleteProfile())).ShouldBe(HttpStatusCode.OK);
        var revision = (await Api.Post($"/api/v1/partners/{firm}/profile/submit", reviewer)).ShouldBe(HttpStatusCode.OK).As<ProfileView>().Pending!.RevisionId;
        (await Api.Post($"/api/v1/profile-reviews/{revision}/approve", reviewer)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_page_far_past_the_end_is_bad_input_not_a_500()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        (await Api.Get($"/api/v1/accounts/{firm}/members?page=21474838&pageSize=100", admin)).ShouldBeInvalid("page");
    }

    [Fact]
    public async Task an_account_manager_is_told_no_rather_than_not_found_for_their_own_firms_invitation()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        var manager = await Api.AddMember(firm, admin, "account_manager");
        var id = (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = "x@example.es", role = "administrator" })).Id;
        (await Api.Get($"/api/v1/invitations/{id}", manager)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Delete($"/api/v1/accounts/{firm}/invitations/{id}", manager)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get($"/api/v1/invitations/{id}", Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task an_application_without_an_account_id_is_bad_input()
    {
        var before = await App.EventCountAsync();
        (await Api.Post("/api/v1/partner-applications", Actor.Person(), new { message = "hola" })).ShouldBeInvalid("accountId");
        (await App.EventCountAsync()).ShouldBe(before);
    }
}
