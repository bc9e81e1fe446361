using Holded.Partners.Kernel;
using Holded.Partners.Onboarding.Accounts;
using Holded.Partners.Onboarding.Profiles;
using Holded.Partners.Onboarding.Program;
using Holded.Partners.Onboarding.Team;
using System.Text.Json.Nodes;
using Npgsql;

namespace Holded.Partners.Onboarding.Tests;

/// <summary>
/// Every write answers what it committed: its body is what the next read returns, timestamps included. The host's
/// clock is moved an hour ahead, so an answer predicted from the clock cannot pass for the events' own times.
/// </summary>
public class CommittedAnswerTests(PartnersApp app) : AppTest(app)
{
    private static void ShouldBeTheSame(Reply written, JsonNode? read) =>
        JsonNode.DeepEquals(written.Json, read).ShouldBeTrue($"written: {written.Body}\nread:    {read?.ToJsonString()}");

    private async Task<(Guid Firm, Actor Admin, Guid Application)> Applied()
    {
        var admin = Actor.Person("Admin");
        var firm = await Api.RegisterFirm(admin);
        await Api.SetSubscription(firm, "active");
        return (firm, admin, await Api.Apply(firm, admin));
    }

    private async Task<(Guid Partner, Actor Admin, Guid Revision)> Submitted()
    {
        var admin = Actor.Person("Admin");
        var partner = await Api.RegisterPartner(admin);
        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile())).ShouldBe(HttpStatusCode.OK);
        var submitted = (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK);
        return (partner, admin, submitted.As<ProfileView>().Pending.ShouldNotBeNull().RevisionId);
    }

    [Fact]
    public async Task an_approved_application_answers_what_its_get_returns()
    {
        var (_, admin, application) = await Applied();
        App.Clock.Advance(TimeSpan.FromHours(1));
        var approved = await Api.Settled(() => Api.Post($"/api/v1/partner-applications/{application}/approve", Actor.Reviewer()));
        approved.ShouldBe(HttpStatusCode.OK).As<PartnerApplicationView>().ReviewedAt.ShouldNotBeNull().ShouldBeLessThan(App.Clock.GetUtcNow() - TimeSpan.FromMinutes(30));
        ShouldBeTheSame(approved, (await Api.Get($"/api/v1/partner-applications/{application}", admin)).ShouldBe(HttpStatusCode.OK).Json);
    }

    [Fact]
    public async Task a_rejected_application_answers_what_its_get_returns()
    {
        var (_, admin, application) = await Applied();
        App.Clock.Advance(TimeSpan.FromHours(1));
        var rejected = await Api.Settled(() => Api.Post($"/api/v1/partner-applications/{application}/reject", Actor.Reviewer(), new { reason = "Falta el número de colegiado." }));
        ShouldBeTheSame(rejected.ShouldBe(HttpStatusCode.OK), (await Api.Get($"/api/v1/partner-applications/{application}", admin)).ShouldBe(HttpStatusCode.OK).Json);
    }

    [Fact]
    public async Task an_approved_revision_answers_what_the_review_queue_returns()
    {
        var (_, _, revision) = await Submitted();
        App.Clock.Advance(TimeSpan.FromHours(1));
        var approved = await Api.Settled(() => Api.Post($"/api/v1/profile-reviews/{revision}/approve", Actor.Reviewer()));
        var queue = (await Api.Get("/api/v1/profile-reviews?status=approved", Actor.Reviewer())).ShouldBe(HttpStatusCode.OK);
        ShouldBeTheSame(approved.ShouldBe(HttpStatusCode.OK), queue["items"].AsArray().Single(r => r!["id"]!.GetValue<Guid>() == revision));
    }

    [Fact]
    public async Task a_rejected_revision_answers_what_the_review_queue_returns()
    {
        var (_, _, revision) = await Submitted();
        App.Clock.Advance(TimeSpan.FromHours(1));
        var rejected = await Api.Settled(() => Api.Post($"/api/v1/profile-reviews/{revision}/reject", Actor.Reviewer(), new { reason = "El nombre no coincide." }));
        var queue = (await Api.Get("/api/v1/profile-reviews?status=rejected", Actor.Reviewer())).ShouldBe(HttpStatusCode.OK);
        ShouldBeTheSame(rejected.ShouldBe(HttpStatusCode.OK), queue["items"].AsArray().Single(r => r!["id"]!.GetValue<Guid>() == revision));
    }

    [Fact]
    public async Task a_profile_edit_and_submit_answer_what_the_profile_get_returns()
    {
        var admin = Actor.Person("Admin");
        var partner = await Api.RegisterPartner(admin);
        App.Clock.Advance(TimeSpan.FromHours(1));
        var edited = (await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile())).ShouldBe(HttpStatusCode.OK);
        ShouldBeTheSame(edited, (await Api.Get($"/api/v1/partners/{partner}/profile", admin)).Json);
        var submitted = (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK);
        ShouldBeTheSame(submitted, (await Api.Get($"/api/v1/partners/{partner}/profile", admin)).Json);
    }

    [Fact]
    public async Task a_subscription_change_answers_what_the_account_get_returns()
    {
        var admin = Actor.Person("Admin");
        var firm = await Api.RegisterFirm(admin);
        var changed = await Api.Settled(() => Api.Put($"/api/v1/accounts/{firm}/subscription", Actor.Operator(), new { status = "active" }));
        ShouldBeTheSame(changed.ShouldBe(HttpStatusCode.OK), (await Api.Get($"/api/v1/accounts/{firm}", admin)).Json);
        // Saying it again records nothing, and still answers the account as it is.
        var again = (await Api.Put($"/api/v1/accounts/{firm}/subscription", Actor.Operator(), new { status = "active" })).ShouldBe(HttpStatusCode.OK);
        ShouldBeTheSame(again, (await Api.Get($"/api/v1/accounts/{firm}", admin)).Json);
    }

    [Fact]
    public async Task a_role_change_and_an_acceptance_answer_the_membership_as_committed()
    {
        var admin = Actor.Person("Admin");
        var firm = await Api.RegisterFirm(admin);
        var marta = Actor.Person("Marta");
        var invitation = (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = marta.Email, role = "account_manager" })).Id;
        var accepted = await Api.Settled(() => Api.Post($"/api/v1/invitations/{invitation}/accept", marta));
        accepted.ShouldBe(HttpStatusCode.OK).As<AcceptedInvitation>().Role.ShouldBe("account_manager");
        accepted.As<AcceptedInvitation>().AccountId.ShouldBe(firm);
        var changed = await Api.Settled(() => Api.Put($"/api/v1/accounts/{firm}/members/{marta.UserId}", admin, new { role = "administrator" }));
        var members = (await Api.Get($"/api/v1/accounts/{firm}/members", admin)).ShouldBe(HttpStatusCode.OK);
        var row = members["items"].AsArray().Single(m => m!["userId"]!.GetValue<string>() == marta.UserId)!;
        foreach (var field in new[] { "userId", "email", "name", "role" })
            changed.ShouldBe(HttpStatusCode.OK)[field].GetValue<string>().ShouldBe(row[field]!.GetValue<string>());
    }

    // Concurrency, made certain: the stream's row in mt_streams is held, so every request reads version N and passes
    // Validate, then waits at its commit. Released, one commits; the others find the stream moved and are refused: 409.

    private async Task<Reply[]> AllPassValidateOnOneVersion(Guid streamId, params Func<Task<Reply>>[] requests)
    {
        await using var holder = new NpgsqlConnection(App.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("select 1 from events.mt_streams where id = @id for update", holder, hold))
        {
            lockRow.Parameters.AddWithValue("id", streamId);
            (await lockRow.ExecuteScalarAsync()).ShouldNotBeNull("the stream exists");
        }
        var replies = requests.Select(r => r()).ToArray();
        var waiting = await Eventually.BackendsWaitOnALockAsync(App.ConnectionString, requests.Length, TimeSpan.FromSeconds(20));
        await hold.RollbackAsync();
        var answered = await Task.WhenAll(replies);
        waiting.ShouldBeTrue($"every request waits at its commit; answered: {string.Join(" | ", answered.Select(a => $"{a.Status} {a.Body}"))}");
        return answered;
    }

    private static void OneWinsTheOthersConflict(Reply[] replies, HttpStatusCode won)
    {
        replies.Count(r => r.Status == won).ShouldBe(1, string.Join(" | ", replies.Select(r => $"{r.Status} {r.Body}")));
        foreach (var reply in replies.Where(r => r.Status != won)) reply.ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task two_submits_that_both_passed_validation_make_one_application_and_a_409()
    {
        var admin = Actor.Person("Admin");
        var firm = await Api.RegisterFirm(admin);
        await Api.SetSubscription(firm, "active");
        var replies = await AllPassValidateOnOneVersion(firm,
            () => Api.Post("/api/v1/partner-applications", admin, new { accountId = firm }),
            () => Api.Post("/api/v1/partner-applications", admin, new { accountId = firm }));
        OneWinsTheOthersConflict(replies, HttpStatusCode.Created);
        (await Api.GetAs<Page<PartnerApplicationView>>("/api/v1/partner-applications?status=pending", Actor.Reviewer())).Total.ShouldBe(1);
    }

    [Fact]
    public async Task an_approval_and_a_rejection_that_both_passed_validation_record_one_decision_and_a_409()
    {
        var (firm, admin, application) = await Applied();
        var replies = await AllPassValidateOnOneVersion(firm,
            () => Api.Post($"/api/v1/partner-applications/{application}/approve", Actor.Reviewer()),
            () => Api.Post($"/api/v1/partner-applications/{application}/reject", Actor.Reviewer(), new { reason = "Duplicado." }));
        OneWinsTheOthersConflict(replies, HttpStatusCode.OK);
        await App.QuietAsync();
        var decided = (await Api.GetAs<PartnerApplicationView>($"/api/v1/partner-applications/{application}", admin)).Status;
        ShouldBeTheSame(replies.Single(r => r.Status == HttpStatusCode.OK), (await Api.Get($"/api/v1/partner-applications/{application}", admin)).Json);
        decided.ShouldBeOneOf("approved", "rejected");
    }

    [Fact]
    public async Task a_subscription_lapsing_while_an_application_is_approved_conflicts()
    {
        var (firm, admin, application) = await Applied();
        var replies = await AllPassValidateOnOneVersion(firm,
            () => Api.Put($"/api/v1/accounts/{firm}/subscription", Actor.Operator(), new { status = "past_due" }),
            () => Api.Post($"/api/v1/partner-applications/{application}/approve", Actor.Reviewer()));
        OneWinsTheOthersConflict(replies, HttpStatusCode.OK);
        await App.QuietAsync();
        var account = await Api.GetAs<AccountView>($"/api/v1/accounts/{firm}", admin);
        // Never both: a partner whose subscription lapsed before the approval was recorded.
        (account.IsPartner && account.SubscriptionStatus == "past_due").ShouldBeFalse(account.ToString());
    }

    [Fact]
    public async Task two_decisions_on_a_revision_that_both_passed_validation_record_one_and_a_409()
    {
        var (partner, _, revision) = await Submitted();
        var replies = await AllPassValidateOnOneVersion(StableIdsForProfile(partner),
            () => Api.Post($"/api/v1/profile-reviews/{revision}/approve", Actor.Reviewer()),
            () => Api.Post($"/api/v1/profile-reviews/{revision}/reject", Actor.Reviewer(), new { reason = "No vale." }));
        OneWinsTheOthersConflict(replies, HttpStatusCode.OK);
        // One decision recorded, and the review queue shows it.
        ((await App.EventCountAsync("onboarding.profile_revision_approved")) + (await App.EventCountAsync("onboarding.profile_revision_rejected"))).ShouldBe(1);
        var decided = (await Api.GetAs<Page<ProfileReview>>("/api/v1/profile-reviews?status=approved", Actor.Reviewer())).Total
            + (await Api.GetAs<Page<ProfileReview>>("/api/v1/profile-reviews?status=rejected", Actor.Reviewer())).Total;
        decided.ShouldBe(1);
    }

    [Fact]
    public async Task two_profile_submits_that_both_passed_validation_make_one_revision_and_a_409()
    {
        var admin = Actor.Person("Admin");
        var partner = await Api.RegisterPartner(admin);
        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile())).ShouldBe(HttpStatusCode.OK);
        var replies = await AllPassValidateOnOneVersion(StableIdsForProfile(partner),
            () => Api.Post($"/api/v1/partners/{partner}/profile/submit", admin),
            () => Api.Post($"/api/v1/partners/{partner}/profile/submit", admin));
        OneWinsTheOthersConflict(replies, HttpStatusCode.OK);
        (await Api.GetAs<Page<ProfileReview>>("/api/v1/profile-reviews", Actor.Reviewer())).Total.ShouldBe(1);
    }

    [Fact]
    public async Task an_acceptance_and_a_revoke_that_both_passed_validation_record_one_and_a_409()
    {
        var admin = Actor.Person("Admin");
        var firm = await Api.RegisterFirm(admin);
        var marta = Actor.Person("Marta");
        var invitation = (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = marta.Email, role = "account_manager" })).Id;
        var replies = await AllPassValidateOnOneVersion(firm,
            () => Api.Post($"/api/v1/invitations/{invitation}/accept", marta),
            () => Api.Delete($"/api/v1/accounts/{firm}/invitations/{invitation}", admin));
        replies.Count(r => r.Status is HttpStatusCode.OK or HttpStatusCode.NoContent).ShouldBe(1, string.Join(" | ", replies.Select(r => $"{r.Status} {r.Body}")));
        foreach (var reply in replies.Where(r => r.Status is not (HttpStatusCode.OK or HttpStatusCode.NoContent))) reply.ShouldBeProblem(HttpStatusCode.Conflict);
    }

    private static Guid StableIdsForProfile(Guid accountId) => global::Holded.Partners.Onboarding.Profiles.PartnerProfile.IdFor(accountId);
}
