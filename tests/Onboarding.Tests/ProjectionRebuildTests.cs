using ProfileView = Holded.Partners.Onboarding.Profiles.ProfileView;
using Holded.Partners.Onboarding.Accounts;
using Holded.Partners.Onboarding.Identity;
using Holded.Partners.Onboarding.Profiles;
using Holded.Partners.Onboarding.Program;
using Holded.Partners.Onboarding.Team;

namespace Holded.Partners.Onboarding.Tests;

/// <summary>Every Onboarding read model, rebuilt from the events, equals the one kept live.</summary>
public class ProjectionRebuildTests(PartnersApp app) : AppTest(app)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // A bit of everything: partners with published and rejected revisions, teams with joins, role changes,
        // removals, revoked and accepted invitations, a rejected and re-submitted application.
        // Every step is asserted: a step that silently failed would leave less to compare.
        var admin = Actor.Person("Admin");
        var partner = await Api.RegisterPartner(admin);
        await Api.PublishProfile(partner, admin);
        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile("Otro nombre"))).ShouldBe(HttpStatusCode.OK);
        var revision = (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK).As<ProfileView>().Pending!.RevisionId;
        (await Api.Post($"/api/v1/profile-reviews/{revision}/reject", Actor.Reviewer(), new { reason = "Nombre distinto." })).ShouldBe(HttpStatusCode.OK);

        var manager = await Api.AddMember(partner, admin, "account_manager");
        var leaving = await Api.AddMember(partner, admin, "administrator");
        (await Api.Put($"/api/v1/accounts/{partner}/members/{manager.UserId}", admin, new { role = "administrator" })).ShouldBe(HttpStatusCode.OK);
        (await Api.Delete($"/api/v1/accounts/{partner}/members/{leaving.UserId}", admin)).ShouldBe(HttpStatusCode.NoContent);
        var quitter = await Api.AddMember(partner, admin, "account_manager");
        (await Api.Delete($"/api/v1/accounts/{partner}/members/{quitter.UserId}", quitter)).ShouldBe(HttpStatusCode.NoContent);
        // Removed, then invited back: the member row is deleted and created again.
        var back = (await Api.Post($"/api/v1/accounts/{partner}/invitations", admin, new { email = leaving.Email, role = "account_manager" })).ShouldBe(HttpStatusCode.Created).Id;
        (await Api.Post($"/api/v1/invitations/{back}/accept", leaving)).ShouldBe(HttpStatusCode.OK);
        var revoked = (await Api.Post($"/api/v1/accounts/{partner}/invitations", admin, new { email = "gone@example.es", role = "administrator" })).Id;
        (await Api.Delete($"/api/v1/accounts/{partner}/invitations/{revoked}", admin)).ShouldBe(HttpStatusCode.NoContent);
        (await Api.Post($"/api/v1/accounts/{partner}/invitations", admin, new { email = "later@example.es", role = "account_manager" })).ShouldBe(HttpStatusCode.Created);

        var other = Actor.Person("Other");
        var firm = await Api.RegisterFirm(other);
        await Api.SetSubscription(firm, "active");
        var rejected = await Api.Apply(firm, other);
        (await Api.Post($"/api/v1/partner-applications/{rejected}/reject", Actor.Reviewer(), new { reason = "Incompleta." })).ShouldBe(HttpStatusCode.OK);
        await Api.Apply(firm, other);
        await Api.RegisterBusiness(Actor.Person("Owner"));
    }

    [Fact] public Task accounts() => App.ShouldRebuildIdentically<Account>(typeof(Account));
    [Fact] public Task profiles() => App.ShouldRebuildIdentically<PartnerProfile>(typeof(PartnerProfile));
    [Fact] public Task team_members() => App.ShouldRebuildIdentically<TeamMember>(typeof(TeamMemberProjection));
    [Fact] public Task invitations() => App.ShouldRebuildIdentically<InvitationView>(typeof(InvitationProjection));
    [Fact] public Task memberships() => App.ShouldRebuildIdentically<UserMemberships>(typeof(UserMembershipsProjection));
    [Fact] public Task applications() => App.ShouldRebuildIdentically<PartnerApplicationView>(typeof(PartnerApplicationProjection));
    [Fact] public Task profile_reviews() => App.ShouldRebuildIdentically<ProfileReview>(typeof(ProfileReviewProjection));
}
