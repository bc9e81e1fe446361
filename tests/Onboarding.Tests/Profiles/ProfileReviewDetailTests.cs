using Holded.Partners.Onboarding.Profiles;

namespace Holded.Partners.Onboarding.Tests.Profiles;

/// <summary>GET /api/v1/profile-reviews/{id}: a revision against the live revision it would replace, for reviewers.</summary>
public class ProfileReviewDetailTests(PartnersApp app) : AppTest(app)
{
    [Fact]
    public async Task a_reviewer_reads_a_change_against_the_live_revision_with_the_changed_fields_named()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterPartner(admin);
        var first = await Api.PublishProfile(firm, admin);
        (await Api.Put($"/api/v1/partners/{firm}/profile", admin, Scenarios.CompleteProfile(displayName: "Gestoría López e Hijos"))).ShouldBe(HttpStatusCode.OK);
        var submitted = (await Api.Post($"/api/v1/partners/{firm}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK);
        var revision = Guid.Parse(submitted["pending"]["revisionId"]!.GetValue<string>());

        var detail = await Api.GetAs<ProfileReviewDetail>($"/api/v1/profile-reviews/{revision}", Actor.Reviewer());
        detail.Review.Id.ShouldBe(revision);
        detail.Live!.Id.ShouldBe(first);
        detail.Live.Content.DisplayName.ShouldBe("Gestoría López");
        detail.Changes.ShouldBe(["displayName"]);

        var firstDetail = await Api.GetAs<ProfileReviewDetail>($"/api/v1/profile-reviews/{first}", Actor.Reviewer());
        firstDetail.Live.ShouldBeNull();
        firstDetail.Changes.ShouldContain("description"); // against nothing, every field set is a change
    }

    [Fact]
    public async Task the_firm_and_other_staff_are_refused_a_stranger_and_an_unknown_revision_get_404_and_no_identity_401()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterPartner(admin);
        (await Api.Put($"/api/v1/partners/{firm}/profile", admin, Scenarios.CompleteProfile())).ShouldBe(HttpStatusCode.OK);
        var submitted = (await Api.Post($"/api/v1/partners/{firm}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK);
        var revision = submitted["pending"]["revisionId"]!.GetValue<string>();

        (await Api.Get($"/api/v1/profile-reviews/{revision}", admin)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get($"/api/v1/profile-reviews/{revision}", Actor.Operator())).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get($"/api/v1/profile-reviews/{revision}", Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/profile-reviews/{Guid.NewGuid()}", Actor.Reviewer())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/profile-reviews/{revision}", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}
