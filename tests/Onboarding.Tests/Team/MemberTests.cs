using Holded.Partners.Onboarding.Accounts;
using Holded.Partners.Kernel;
using Holded.Partners.Onboarding.Identity;
using Holded.Partners.Onboarding.Team;

namespace Holded.Partners.Onboarding.Tests.Team;

public class MemberTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task an_administrator_changes_a_role_and_me_shows_it()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        var marta = await Api.AddMember(firm, admin, "account_manager");
        (await Api.Put($"/api/v1/accounts/{firm}/members/{marta.UserId}", admin, new { role = "administrator" }))
            .ShouldBe(HttpStatusCode.OK).As<Member>().Role.ShouldBe("administrator");
        (await Api.GetAs<MeResponse>("/api/v1/me", marta)).Memberships[0].Role.ShouldBe("administrator");
        // Now an administrator, she can invite.
        (await Api.Post($"/api/v1/accounts/{firm}/invitations", marta, new { email = "x@example.es", role = "account_manager" })).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task the_last_administrator_can_be_neither_demoted_nor_removed()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        (await Api.Put($"/api/v1/accounts/{firm}/members/{admin.UserId}", admin, new { role = "account_manager" })).ShouldRefuse("account_needs_an_administrator");
        (await Api.Delete($"/api/v1/accounts/{firm}/members/{admin.UserId}", admin)).ShouldRefuse("account_needs_an_administrator");

        var second = await Api.AddMember(firm, admin, "administrator");
        (await Api.Put($"/api/v1/accounts/{firm}/members/{admin.UserId}", second, new { role = "account_manager" })).ShouldBe(HttpStatusCode.OK);
        (await Api.Delete($"/api/v1/accounts/{firm}/members/{second.UserId}", second)).ShouldRefuse("account_needs_an_administrator");
    }

    [Fact]
    public async Task a_business_always_keeps_an_owner()
    {
        var owner = Actor.Person();
        var business = await Api.RegisterBusiness(owner);
        (await Api.Put($"/api/v1/accounts/{business}/members/{owner.UserId}", owner, new { role = "admin" })).ShouldRefuse("account_needs_an_owner");
        (await Api.Delete($"/api/v1/accounts/{business}/members/{owner.UserId}", owner)).ShouldRefuse("account_needs_an_owner");
    }

    [Fact]
    public async Task a_business_admin_cannot_take_the_account_from_its_owner()
    {
        var owner = Actor.Person();
        var business = await Api.RegisterBusiness(owner);
        var admin = await Api.AddMember(business, owner, "admin");
        (await Api.Put($"/api/v1/accounts/{business}/members/{owner.UserId}", admin, new { role = "admin" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Delete($"/api/v1/accounts/{business}/members/{owner.UserId}", admin)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Put($"/api/v1/accounts/{business}/members/{admin.UserId}", admin, new { role = "owner" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post($"/api/v1/accounts/{business}/invitations", admin, new { email = "alt@example.es", role = "owner" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        // Admins still run the team below owner, and an owner may make another owner.
        (await Api.Post($"/api/v1/accounts/{business}/invitations", admin, new { email = "alt@example.es", role = "admin" })).ShouldBe(HttpStatusCode.Created);
        (await Api.Put($"/api/v1/accounts/{business}/members/{admin.UserId}", owner, new { role = "owner" })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task two_administrators_demoting_each_other_at_once_leave_one_administrator()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        var second = await Api.AddMember(firm, admin, "administrator");
        var replies = await Task.WhenAll(
            Api.Put($"/api/v1/accounts/{firm}/members/{second.UserId}", admin, new { role = "account_manager" }),
            Api.Put($"/api/v1/accounts/{firm}/members/{admin.UserId}", second, new { role = "account_manager" }));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.OK || r.Status == HttpStatusCode.Conflict || r.Status == HttpStatusCode.UnprocessableEntity);
        var members = (await Api.GetAs<Page<TeamMember>>($"/api/v1/accounts/{firm}/members", admin)).Items;
        members.Count(m => m.Role == "administrator").ShouldBe(1);
    }

    [Fact]
    public async Task removing_two_administrators_at_once_never_leaves_none()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        var second = await Api.AddMember(firm, admin, "administrator");
        var replies = await Task.WhenAll(
            Api.Delete($"/api/v1/accounts/{firm}/members/{second.UserId}", admin),
            Api.Delete($"/api/v1/accounts/{firm}/members/{admin.UserId}", second));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.NoContent || r.Status == HttpStatusCode.Conflict
                                 || r.Status == HttpStatusCode.UnprocessableEntity || r.Status == HttpStatusCode.NotFound);
        await using var session = App.Store.QuerySession();
        var account = await session.LoadAsync<Holded.Partners.Onboarding.Accounts.Account>(firm);
        account!.TopRoleCount.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task a_removed_member_loses_the_account_at_once()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        var marta = await Api.AddMember(firm, admin, "administrator");
        (await Api.Delete($"/api/v1/accounts/{firm}/members/{marta.UserId}", admin)).ShouldBe(HttpStatusCode.NoContent);

        (await Api.Get("/api/v1/me", marta))["memberships"].AsArray().ShouldBeEmpty();
        (await Api.Get($"/api/v1/accounts/{firm}", marta)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/accounts/{firm}/members", marta)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Put($"/api/v1/accounts/{firm}/members/{admin.UserId}", marta, new { role = "account_manager" })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.GetAs<Page<TeamMember>>($"/api/v1/accounts/{firm}/members", admin)).Total.ShouldBe(1);
    }

    [Fact]
    public async Task a_member_may_leave_but_not_remove_others()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        var manager = await Api.AddMember(firm, admin, "account_manager");
        var other = await Api.AddMember(firm, admin, "account_manager");
        (await Api.Delete($"/api/v1/accounts/{firm}/members/{other.UserId}", manager)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Put($"/api/v1/accounts/{firm}/members/{other.UserId}", manager, new { role = "administrator" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Delete($"/api/v1/accounts/{firm}/members/{manager.UserId}", manager)).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task strangers_unknown_members_and_bad_roles_are_refused()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        var marta = await Api.AddMember(firm, admin, "account_manager");
        var stranger = Actor.Person();
        await Api.RegisterFirm(stranger);
        (await Api.Get($"/api/v1/accounts/{firm}/members", stranger)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Put($"/api/v1/accounts/{firm}/members/{marta.UserId}", stranger, new { role = "administrator" })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Delete($"/api/v1/accounts/{firm}/members/{marta.UserId}", stranger)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Delete($"/api/v1/accounts/{firm}/members/{marta.UserId}", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Put($"/api/v1/accounts/{firm}/members/nobody", admin, new { role = "administrator" })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Delete($"/api/v1/accounts/{firm}/members/nobody", admin)).ShouldBeProblem(HttpStatusCode.NotFound);

        var before = await App.EventCountAsync();
        (await Api.Put($"/api/v1/accounts/{firm}/members/{marta.UserId}", admin, new { role = "owner" })).ShouldBeInvalid("role");
        (await Api.Put($"/api/v1/accounts/{firm}/members/{marta.UserId}", admin, new { })).ShouldBeInvalid("role");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task the_member_list_pages()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        for (var i = 0; i < 3; i++) await Api.AddMember(firm, admin, "account_manager");
        var page = (await Api.Get($"/api/v1/accounts/{firm}/members?page=2&pageSize=3", admin)).ShouldBe(HttpStatusCode.OK);
        page["total"].GetValue<long>().ShouldBe(4);
        page["page"].GetValue<int>().ShouldBe(2);
        page["items"].AsArray().Count.ShouldBe(1);
        page["hasMore"].GetValue<bool>().ShouldBeFalse();
        (await Api.Get($"/api/v1/accounts/{firm}/members?page=0", admin)).ShouldBeInvalid("page");
    }
}
