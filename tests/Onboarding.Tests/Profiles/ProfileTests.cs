using Holded.Partners.Kernel;
using Holded.Partners.Onboarding.Profiles;

namespace Holded.Partners.Onboarding.Tests.Profiles;

public class ProfileTests(PartnersApp app) : AppTest(app)
{
    private async Task<(Guid Partner, Actor Admin)> Partner()
    {
        var admin = Actor.Person("Admin");
        return (await Api.RegisterPartner(admin), admin);
    }

    [Fact]
    public async Task a_draft_is_submitted_approved_and_published()
    {
        var (partner, admin) = await Partner();
        var draft = (await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile())).ShouldBe(HttpStatusCode.OK).As<ProfileView>();
        draft.Status.ShouldBe("draft");

        var submitted = (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK).As<ProfileView>();
        submitted.Status.ShouldBe("pending_review");
        var revision = submitted.Pending.ShouldNotBeNull().RevisionId;

        var queue = await Api.GetAs<Page<ProfileReview>>("/api/v1/profile-reviews", Actor.Reviewer());
        queue.Items[0].Id.ShouldBe(revision);
        queue.Items[0].Content.DisplayName.ShouldBe("Gestoría López");

        (await Api.Post($"/api/v1/profile-reviews/{revision}/approve", Actor.Reviewer())).ShouldBe(HttpStatusCode.OK)
            .As<ProfileReview>().Status.ShouldBe("approved");
        var profile = await Api.GetAs<ProfileView>($"/api/v1/partners/{partner}/profile", admin);
        profile.Status.ShouldBe("published");
        profile.Published.ShouldNotBeNull().RevisionId.ShouldBe(revision);
        profile.Slug.ShouldNotBeNull().ShouldStartWith("gestoria-lopez-");
        (await Api.GetAs<Page<ProfileReview>>("/api/v1/profile-reviews", Actor.Reviewer())).Total.ShouldBe(0);
    }

    [Fact]
    public async Task a_change_to_a_published_profile_is_reviewed_while_the_approved_revision_stays_live()
    {
        var (partner, admin) = await Partner();
        var first = await Api.PublishProfile(partner, admin);
        var slug = (await Api.GetAs<ProfileView>($"/api/v1/partners/{partner}/profile", admin)).Slug.ShouldNotBeNull();

        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile("López Asesores"))).ShouldBe(HttpStatusCode.OK)
            .As<ProfileView>().Status.ShouldBe("published_with_changes");
        var submitted = (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK).As<ProfileView>();
        var second = submitted.Pending.ShouldNotBeNull().RevisionId;
        submitted.Published.ShouldNotBeNull().RevisionId.ShouldBe(first);
        submitted.Published.Content.DisplayName.ShouldBe("Gestoría López");
        (await Api.GetAs<Page<ProfileReview>>("/api/v1/profile-reviews", Actor.Reviewer())).Items[0].Replaces.ShouldBe(first);

        (await Api.Post($"/api/v1/profile-reviews/{second}/reject", Actor.Reviewer(), new { reason = "El nombre no coincide con el registro." }))
            .ShouldBe(HttpStatusCode.OK);
        var afterReject = await Api.GetAs<ProfileView>($"/api/v1/partners/{partner}/profile", admin);
        afterReject.Published.ShouldNotBeNull().RevisionId.ShouldBe(first);
        afterReject.LastRejection.ShouldNotBeNull().Reason.ShouldBe("El nombre no coincide con el registro.");

        (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldRefuse("no_changes_since_rejection");
        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile("López Asesores SL"))).ShouldBe(HttpStatusCode.OK);
        var third = (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK).As<ProfileView>().Pending!.RevisionId;
        (await Api.Post($"/api/v1/profile-reviews/{third}/approve", Actor.Reviewer())).ShouldBe(HttpStatusCode.OK);
        var live = await Api.GetAs<ProfileView>($"/api/v1/partners/{partner}/profile", admin);
        live.Published.ShouldNotBeNull().Content.DisplayName.ShouldBe("López Asesores SL");
        live.Slug.ShouldBe(slug); // links to the listing never break
    }

    [Fact]
    public async Task submitting_refuses_what_a_reviewer_should_not_see()
    {
        var (partner, admin) = await Partner();
        (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldRefuse("no_draft");
        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, new { displayName = "Solo nombre" })).ShouldBe(HttpStatusCode.OK);
        var incomplete = (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldRefuse("profile_incomplete");
        incomplete.Body.ShouldContain("contactEmail");

        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile())).ShouldBe(HttpStatusCode.OK);
        (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK);
        (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldRefuse("revision_pending_review");
    }

    [Fact]
    public async Task an_unchanged_published_profile_has_nothing_to_submit()
    {
        var (partner, admin) = await Partner();
        await Api.PublishProfile(partner, admin);
        (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldRefuse("no_changes_to_submit");
    }

    [Fact]
    public async Task only_partners_have_a_profile()
    {
        var admin = Actor.Person();
        var firm = await Api.RegisterFirm(admin);
        (await Api.Put($"/api/v1/partners/{firm}/profile", admin, Scenarios.CompleteProfile())).ShouldRefuse("not_a_partner");
        (await Api.Post($"/api/v1/partners/{firm}/profile/submit", admin)).ShouldRefuse("not_a_partner");
    }

    [Fact]
    public async Task every_field_has_limits()
    {
        var (partner, admin) = await Partner();
        var before = await App.EventCountAsync();
        var bad = new
        {
            displayName = "x",
            description = new string('d', 2001),
            services = new[] { "bookkeeping", "astrology" },
            sectors = new[] { "retail", "retail" },
            provinces = new[] { "narnia" },
            languages = new[] { "klingon" },
            teamSize = 0,
            website = "ftp://example.es",
            contactEmail = "nope",
            contactPhone = "call me",
            logoUrl = "http://example.es/logo.png",
            credentials = Enumerable.Range(0, 11).Select(i => $"c{i}").ToArray(),
        };
        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, bad)).ShouldBeInvalid(
            "displayName", "description", "services", "sectors", "provinces", "languages", "teamSize", "website",
            "contactEmail", "contactPhone", "logoUrl", "credentials");
        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, new { credentials = new[] { new string('c', 121) } })).ShouldBeInvalid("credentials[0]");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_stale_edit_is_a_conflict_and_concurrent_edits_never_fail_with_a_500()
    {
        var (partner, admin) = await Partner();
        var v1 = (await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile("Uno"))).ShouldBe(HttpStatusCode.OK).As<ProfileView>().Version;
        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, new { displayName = "Dos", expectedVersion = v1 })).ShouldBe(HttpStatusCode.OK);
        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, new { displayName = "Tres", expectedVersion = v1 })).ShouldBeProblem(HttpStatusCode.Conflict);

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Api.Put($"/api/v1/partners/{partner}/profile", admin, new { displayName = $"Nombre {i}" })));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.OK || r.Status == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task two_first_edits_at_once_start_one_profile()
    {
        var (partner, admin) = await Partner();
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Api.Put($"/api/v1/partners/{partner}/profile", admin, new { displayName = $"Nombre {i}" })));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.OK || r.Status == HttpStatusCode.Conflict);
        (await Api.Get($"/api/v1/partners/{partner}/profile", admin)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task who_may_edit_see_and_review()
    {
        var (partner, admin) = await Partner();
        var manager = await Api.AddMember(partner, admin, "account_manager");
        var otherAdmin = Actor.Person();
        await Api.RegisterPartner(otherAdmin);

        (await Api.Put($"/api/v1/partners/{partner}/profile", manager, Scenarios.CompleteProfile())).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Put($"/api/v1/partners/{partner}/profile", otherAdmin, Scenarios.CompleteProfile())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Put($"/api/v1/partners/{partner}/profile", null, Scenarios.CompleteProfile())).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Put($"/api/v1/partners/{Guid.NewGuid()}/profile", admin, Scenarios.CompleteProfile())).ShouldBeProblem(HttpStatusCode.NotFound);

        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile())).ShouldBe(HttpStatusCode.OK);
        (await Api.Post($"/api/v1/partners/{partner}/profile/submit", manager)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post($"/api/v1/partners/{partner}/profile/submit", otherAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/partners/{partner}/profile", manager)).ShouldBe(HttpStatusCode.OK);
        (await Api.Get($"/api/v1/partners/{partner}/profile", otherAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);

        var revision = (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK).As<ProfileView>().Pending!.RevisionId;
        (await Api.Get("/api/v1/profile-reviews", admin)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post($"/api/v1/profile-reviews/{revision}/approve", admin)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post($"/api/v1/profile-reviews/{revision}/approve", otherAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post($"/api/v1/profile-reviews/{revision}/reject", otherAdmin, new { reason = "nope" })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post($"/api/v1/profile-reviews/{Guid.NewGuid()}/approve", Actor.Reviewer())).ShouldBeProblem(HttpStatusCode.NotFound);

        await Api.Delete($"/api/v1/accounts/{partner}/members/{manager.UserId}", admin);
        (await Api.Get($"/api/v1/partners/{partner}/profile", manager)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_revision_is_decided_once_even_by_two_reviewers_at_once()
    {
        var (partner, admin) = await Partner();
        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile())).ShouldBe(HttpStatusCode.OK);
        var revision = (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK).As<ProfileView>().Pending!.RevisionId;
        var replies = await Task.WhenAll(
            Api.Post($"/api/v1/profile-reviews/{revision}/approve", Actor.Reviewer()),
            Api.Post($"/api/v1/profile-reviews/{revision}/reject", Actor.Reviewer(), new { reason = "No vale." }),
            Api.Post($"/api/v1/profile-reviews/{revision}/approve", Actor.Reviewer()));
        replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        replies.Where(r => r.Status != HttpStatusCode.OK).ShouldAllBe(r => r.Status == HttpStatusCode.Conflict);
        (await Api.Post($"/api/v1/profile-reviews/{revision}/approve", Actor.Reviewer())).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task two_submits_at_once_make_one_revision()
    {
        var (partner, admin) = await Partner();
        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile())).ShouldBe(HttpStatusCode.OK);
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)));
        replies.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        replies.Where(r => r.Status != HttpStatusCode.OK)
            .ShouldAllBe(r => r.Status == HttpStatusCode.Conflict || r.Status == HttpStatusCode.UnprocessableEntity);
        (await Api.GetAs<Page<ProfileReview>>("/api/v1/profile-reviews", Actor.Reviewer())).Total.ShouldBe(1);
    }

    [Fact]
    public async Task a_rejection_needs_a_reason()
    {
        var (partner, admin) = await Partner();
        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile())).ShouldBe(HttpStatusCode.OK);
        var revision = (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK).As<ProfileView>().Pending!.RevisionId;
        var before = await App.EventCountAsync();
        (await Api.Post($"/api/v1/profile-reviews/{revision}/reject", Actor.Reviewer(), new { reason = " " })).ShouldBeInvalid("reason");
        (await Api.Get("/api/v1/profile-reviews?status=unknown", Actor.Reviewer())).ShouldBeInvalid("status");
        (await App.EventCountAsync()).ShouldBe(before);
    }
}
