using Holded.Partners.Kernel;
using Holded.Partners.Onboarding.Identity;
using Holded.Partners.Onboarding.Team;

namespace Holded.Partners.Onboarding.Tests.Team;

public class InvitationTests(PartnersApp app) : AppTest(app)
{
    private async Task<(Guid Firm, Actor Admin)> Firm()
    {
        var admin = Actor.Person("Admin");
        return (await Api.RegisterFirm(admin), admin);
    }

    [Fact]
    public async Task an_administrator_invites_and_the_invited_person_joins_with_the_role()
    {
        var (firm, admin) = await Firm();
        var marta = Actor.Person("Marta");
        var invite = (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = marta.Email, role = "account_manager" }))
            .ShouldBe(HttpStatusCode.Created);
        invite.Headers.Location!.ToString().ShouldBe($"/api/v1/invitations/{invite.Id}");

        var pending = await Api.GetAs<Page<InvitationView>>($"/api/v1/accounts/{firm}/invitations", admin);
        pending.Items[0].Email.ShouldBe(marta.Email);
        (await Api.GetAs<MeResponse>("/api/v1/me", marta)).PendingInvitations[0].Id.ShouldBe(invite.Id);
        (await Api.GetAs<InvitationView>($"/api/v1/invitations/{invite.Id}", marta)).Status.ShouldBe("pending");

        var accepted = (await Api.Post($"/api/v1/invitations/{invite.Id}/accept", marta)).ShouldBe(HttpStatusCode.OK);
        accepted.As<AcceptedInvitation>().Role.ShouldBe("account_manager");

        var members = await Api.GetAs<Page<TeamMember>>($"/api/v1/accounts/{firm}/members", marta);
        members.Items.Select(m => m.Email).ShouldBe([admin.Email, marta.Email]);
        (await Api.GetAs<Page<InvitationView>>($"/api/v1/accounts/{firm}/invitations?status=accepted", admin)).Total.ShouldBe(1);
        (await Api.GetAs<Page<InvitationView>>($"/api/v1/accounts/{firm}/invitations", admin)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task only_the_invited_email_can_accept_and_others_learn_nothing()
    {
        var (firm, admin) = await Firm();
        var marta = Actor.Person("Marta");
        var id = (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = marta.Email, role = "administrator" })).Id;
        var stranger = Actor.Person("Eve");
        (await Api.Post($"/api/v1/invitations/{id}/accept", stranger)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/invitations/{id}", stranger)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post($"/api/v1/invitations/{id}/accept", marta.WithEmail("other@example.es"))).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post($"/api/v1/invitations/{id}/accept", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Post($"/api/v1/invitations/{Guid.NewGuid()}/accept", marta)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task an_invitation_is_accepted_once()
    {
        var (firm, admin) = await Firm();
        var marta = Actor.Person();
        var id = (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = marta.Email, role = "administrator" })).Id;
        (await Api.Post($"/api/v1/invitations/{id}/accept", marta)).ShouldBe(HttpStatusCode.OK);
        (await Api.Post($"/api/v1/invitations/{id}/accept", marta)).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task two_accepts_at_once_make_one_membership()
    {
        var (firm, admin) = await Firm();
        var marta = Actor.Person();
        var id = (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = marta.Email, role = "administrator" })).Id;
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Api.Post($"/api/v1/invitations/{id}/accept", marta)));
        replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        replies.Where(r => r.Status != HttpStatusCode.OK).ShouldAllBe(r => r.Status == HttpStatusCode.Conflict || r.Status == HttpStatusCode.UnprocessableEntity);
        (await Api.GetAs<Page<TeamMember>>($"/api/v1/accounts/{firm}/members", admin)).Total.ShouldBe(2);
    }

    [Fact]
    public async Task two_invitations_of_one_email_at_once_make_one()
    {
        var (firm, admin) = await Firm();
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = "same@example.es", role = "administrator" })));
        replies.Count(r => r.Status == HttpStatusCode.Created).ShouldBe(1);
        replies.Where(r => r.Status != HttpStatusCode.Created)
            .ShouldAllBe(r => r.Status == HttpStatusCode.Conflict || r.Status == HttpStatusCode.UnprocessableEntity);
        (await Api.GetAs<Page<InvitationView>>($"/api/v1/accounts/{firm}/invitations", admin)).Total.ShouldBe(1);
    }

    [Fact]
    public async Task a_revoke_and_an_accept_at_once_never_both_win()
    {
        var (firm, admin) = await Firm();
        var marta = Actor.Person();
        var id = (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = marta.Email, role = "administrator" })).Id;
        var replies = await Task.WhenAll(
            Api.Delete($"/api/v1/accounts/{firm}/invitations/{id}", admin),
            Api.Post($"/api/v1/invitations/{id}/accept", marta));
        replies.Count(r => r.Status is HttpStatusCode.NoContent or HttpStatusCode.OK).ShouldBe(1);
        replies.Count(r => r.Status == HttpStatusCode.Conflict).ShouldBe(1);
    }

    [Fact]
    public async Task a_revoked_invitation_cannot_be_accepted()
    {
        var (firm, admin) = await Firm();
        var marta = Actor.Person();
        var id = (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = marta.Email, role = "administrator" })).Id;
        (await Api.Delete($"/api/v1/accounts/{firm}/invitations/{id}", admin)).ShouldBe(HttpStatusCode.NoContent);
        (await Api.Post($"/api/v1/invitations/{id}/accept", marta)).ShouldBeProblem(HttpStatusCode.Conflict);
        (await Api.Delete($"/api/v1/accounts/{firm}/invitations/{id}", admin)).ShouldBeProblem(HttpStatusCode.Conflict);
        (await Api.GetAs<Page<InvitationView>>($"/api/v1/accounts/{firm}/invitations?status=revoked", admin)).Total.ShouldBe(1);
    }

    [Fact]
    public async Task an_invitation_expires_after_14_days()
    {
        var (firm, admin) = await Firm();
        var marta = Actor.Person();
        var id = (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = marta.Email, role = "administrator" })).Id;
        App.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        (await Api.Post($"/api/v1/invitations/{id}/accept", marta)).ShouldRefuse("invitation_expired");
        (await Api.GetAs<Page<InvitationView>>($"/api/v1/accounts/{firm}/invitations?status=expired", admin)).Total.ShouldBe(1);
        // An expired invitation no longer blocks a new one to the same email.
        (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = marta.Email, role = "administrator" })).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task the_invitation_lifetime_is_14_days_from_sending()
    {
        var (firm, admin) = await Firm();
        var id = (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = "x@example.es", role = "administrator" })).Id;
        var view = await Api.GetAs<InvitationView>($"/api/v1/invitations/{id}", admin);
        (view.ExpiresAt - view.InvitedAt).ShouldBe(TimeSpan.FromDays(14), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task invitations_refuse_members_duplicates_and_bad_input()
    {
        var (firm, admin) = await Firm();
        (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = admin.Email, role = "administrator" })).ShouldRefuse("already_a_member");
        (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = "dup@example.es", role = "administrator" })).ShouldBe(HttpStatusCode.Created);
        (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = "DUP@example.es ", role = "account_manager" })).ShouldRefuse("invitation_already_pending");

        var before = await App.EventCountAsync();
        (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = "nope", role = "owner" })).ShouldBeInvalid("email", "role");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task account_managers_strangers_and_anonymous_callers_cannot_invite()
    {
        var (firm, admin) = await Firm();
        var manager = await Api.AddMember(firm, admin, "account_manager");
        var body = new { email = "new@example.es", role = "administrator" };
        (await Api.Post($"/api/v1/accounts/{firm}/invitations", manager, body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get($"/api/v1/accounts/{firm}/invitations", manager)).ShouldBeProblem(HttpStatusCode.Forbidden);
        var otherAdmin = Actor.Person();
        await Api.RegisterFirm(otherAdmin);
        (await Api.Post($"/api/v1/accounts/{firm}/invitations", otherAdmin, body)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/accounts/{firm}/invitations", otherAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post($"/api/v1/accounts/{firm}/invitations", null, body)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Post($"/api/v1/accounts/{Guid.NewGuid()}/invitations", admin, body)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_removed_administrator_can_no_longer_invite_or_revoke()
    {
        var (firm, admin) = await Firm();
        var second = await Api.AddMember(firm, admin, "administrator");
        var id = (await Api.Post($"/api/v1/accounts/{firm}/invitations", second, new { email = "x@example.es", role = "administrator" })).Id;
        (await Api.Delete($"/api/v1/accounts/{firm}/members/{second.UserId}", admin)).ShouldBe(HttpStatusCode.NoContent);
        (await Api.Post($"/api/v1/accounts/{firm}/invitations", second, new { email = "y@example.es", role = "administrator" })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Delete($"/api/v1/accounts/{firm}/invitations/{id}", second)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task revoking_an_unknown_invitation_or_another_accounts_is_not_found()
    {
        var (firm, admin) = await Firm();
        var (other, otherAdmin) = await Firm();
        var theirs = (await Api.Post($"/api/v1/accounts/{other}/invitations", otherAdmin, new { email = "x@example.es", role = "administrator" })).Id;
        (await Api.Delete($"/api/v1/accounts/{firm}/invitations/{theirs}", admin)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Delete($"/api/v1/accounts/{firm}/invitations/{Guid.NewGuid()}", admin)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task listing_validates_its_query()
    {
        var (firm, admin) = await Firm();
        (await Api.Get($"/api/v1/accounts/{firm}/invitations?status=lost", admin)).ShouldBeInvalid("status");
        (await Api.Get($"/api/v1/accounts/{firm}/invitations?pageSize=1000", admin)).ShouldBeInvalid("pageSize");
        (await Api.Get($"/api/v1/accounts/{firm}/invitations?page=abc", admin)).ShouldBeProblem(HttpStatusCode.BadRequest);
    }
}
