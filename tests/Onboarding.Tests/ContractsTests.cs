using ProfileView = Holded.Partners.Onboarding.Profiles.ProfileView;
using Contract = Holded.Partners.Contracts.Onboarding;

namespace Holded.Partners.Onboarding.Tests;

/// <summary>What Onboarding tells the other modules leaves with the events that caused it, through the outbox.</summary>
public class ContractsTests(PartnersApp app) : AppTest(app)
{
    private async Task<IReadOnlyList<T>> Published<T>(Func<Task> action) => (await Api.Messages(action)).OfType<T>().ToList();

    [Fact]
    public async Task registering_announces_the_account_and_its_first_member()
    {
        var ana = Actor.Person();
        var messages = await Api.Messages(() => Api.Post("/api/v1/accounts", ana, Scenarios.FirmBody()));
        messages.OfType<Contract.AccountOpened>().ShouldHaveSingleItem().Kind.ShouldBe("advisory");
        var first = messages.OfType<Contract.MemberJoined>().ShouldHaveSingleItem();
        first.UserId.ShouldBe(ana.UserId);
        first.Role.ShouldBe("administrator");
    }

    [Fact]
    public async Task removing_a_member_tells_the_other_modules_to_cut_their_access()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        var marta = await Api.AddMember(firm, admin, "account_manager");
        var removed = await Published<Contract.MemberRemoved>(async () =>
            (await Api.Delete($"/api/v1/accounts/{firm}/members/{marta.UserId}", admin)).ShouldBe(HttpStatusCode.NoContent));
        var message = removed.ShouldHaveSingleItem();
        message.AccountId.ShouldBe(firm);
        message.UserId.ShouldBe(marta.UserId);
        message.RemovedBy.ShouldBe(admin.UserId);
    }

    [Fact]
    public async Task a_refused_removal_announces_nothing()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        (await Published<Contract.MemberRemoved>(async () =>
            (await Api.Delete($"/api/v1/accounts/{firm}/members/{admin.UserId}", admin)).ShouldRefuse("account_needs_an_administrator")))
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task joining_and_role_changes_are_announced()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        var marta = Actor.Person();
        var invitation = (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = marta.Email, role = "account_manager" })).Id;
        var joined = await Published<Contract.MemberJoined>(() => Api.Post($"/api/v1/invitations/{invitation}/accept", marta));
        joined.ShouldHaveSingleItem().Role.ShouldBe("account_manager");
        var changed = await Published<Contract.MemberRoleChanged>(() =>
            Api.Put($"/api/v1/accounts/{firm}/members/{marta.UserId}", admin, new { role = "administrator" }));
        changed.ShouldHaveSingleItem().ToRole.ShouldBe("administrator");
    }

    [Fact]
    public async Task subscription_changes_are_announced_for_the_marketplace_and_access()
    {
        var business = await Api.RegisterBusiness(Actor.Person(), "free");
        var changed = await Published<Contract.SubscriptionChanged>(() =>
            Api.Put($"/api/v1/accounts/{business}/subscription", Actor.Operator(), new { status = "active", plan = "premium" }));
        changed.ShouldHaveSingleItem().Plan.ShouldBe("premium");
    }

    [Fact]
    public async Task approval_announces_a_new_partner_and_the_decision()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        await Api.SetSubscription(firm, "active");
        var application = await Api.Apply(firm, admin);
        var messages = await Api.Messages(() => Api.Post($"/api/v1/partner-applications/{application}/approve", Actor.Reviewer()));
        messages.OfType<Contract.PartnerAccepted>().ShouldHaveSingleItem().AccountId.ShouldBe(firm);
        messages.OfType<Contract.PartnerApplicationDecided>().ShouldHaveSingleItem().Outcome.ShouldBe("approved");
    }

    [Fact]
    public async Task an_approved_revision_is_published_with_its_listing_data()
    {
        var admin = Actor.Person();
        var partner = await Api.RegisterPartner(admin);
        await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile());
        var revision = (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK).As<ProfileView>().Pending!.RevisionId;
        var published = await Published<Contract.PartnerProfilePublished>(() => Api.Post($"/api/v1/profile-reviews/{revision}/approve", Actor.Reviewer()));
        var listing = published.ShouldHaveSingleItem();
        listing.AccountId.ShouldBe(partner);
        listing.RevisionId.ShouldBe(revision);
        listing.DisplayName.ShouldBe("Gestoría López");
        listing.Provinces.ShouldBe(["madrid", "toledo"]);
        listing.ContactEmail.ShouldBe("hola@gestorialopez.es");
        listing.Slug.ShouldStartWith("gestoria-lopez-");
    }

    [Fact]
    public async Task an_invitation_is_announced_so_the_invited_person_can_hear_of_it()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        var invited = await Published<Contract.MemberInvited>(() =>
            Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = "marta@example.es", role = "administrator" }));
        invited.ShouldHaveSingleItem().Email.ShouldBe("marta@example.es");
    }
}
