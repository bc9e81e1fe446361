namespace Holded.Partners.Host.Tests;

/// <summary>
/// The database fails in passing — faults injected by a trigger that refuses the next writes to one of Access's tables
/// with a serialization failure — and revocation still ends certain: a command is done again before it is answered, or
/// refused with nothing stored; a message is retried until it passes, never dead-lettered. A real fault is.
/// </summary>
public class TransientFailureTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.access.check");

    public override async Task DisposeAsync()
    {
        await Faults.RemoveAsync(App.ConnectionString);
        await base.DisposeAsync();
    }

    private Task FailNextWrites(string table, int times, string sqlState = "40001") =>
        Faults.FailNextWritesAsync(App.ConnectionString, table, times, sqlState);

    private Task<long> Sql(string sql) => Eventually.CountAsync(App.ConnectionString, sql);

    private async Task<string> Reason(Actor member, Guid business) =>
        (await Api.Post("/api/v1/access/check", Erp, new { userId = member.UserId, clientAccountId = business, section = "accounting", action = "read" }))
        .ShouldBe(HttpStatusCode.OK).As<Holded.Partners.Access.Decisions.Decision>().Reason;

    private async Task<(Guid Partner, Actor Admin, Actor Other, Guid Business)> TwoAdministrators()
    {
        var (collaboration, partner, admin, business, owner) = await Api.Collaborating();
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" })).ShouldBe(HttpStatusCode.OK);
        var other = await Api.AddMember(partner, admin, "administrator");
        (await Reason(other, business)).ShouldBe("granted");
        return (partner, admin, other, business);
    }

    [Fact]
    public async Task a_removal_that_meets_a_passing_failure_is_done_again_before_it_is_answered()
    {
        var (partner, admin, other, business) = await TwoAdministrators();
        await FailNextWrites("access.mt_doc_accessaccount", 2); // serialization failures, which Marten does not retry itself
        (await Api.Delete($"/api/v1/accounts/{partner}/members/{other.UserId}", admin)).ShouldBe(HttpStatusCode.NoContent);
        (await Faults.CallsAsync(App.ConnectionString)).ShouldBeGreaterThan(2); // failed twice, then done
        (await Reason(other, business)).ShouldBe("member_removed");
        (await App.EventCountAsync("onboarding.member_removed")).ShouldBe(1);
    }

    [Fact]
    public async Task a_removal_that_keeps_failing_is_refused_with_nothing_stored_and_passes_once_the_fault_clears()
    {
        var (partner, admin, other, business) = await TwoAdministrators();
        await FailNextWrites("access.mt_doc_accessaccount", 1000);
        var refused = (await Api.Delete($"/api/v1/accounts/{partner}/members/{other.UserId}", admin)).ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await App.EventCountAsync("onboarding.member_removed")).ShouldBe(0); // not half done: the removal is not recorded either
        (await Api.Get($"/api/v1/accounts/{partner}/members", admin)).Body.ShouldContain(other.UserId);

        await Faults.ClearAsync(App.ConnectionString);
        (await Api.Delete($"/api/v1/accounts/{partner}/members/{other.UserId}", admin)).ShouldBe(HttpStatusCode.NoContent);
        (await Reason(other, business)).ShouldBe("member_removed");
    }

    [Fact]
    public async Task a_message_that_meets_passing_failures_is_retried_until_it_passes_and_nothing_is_dead_lettered()
    {
        var firmAdmin = Actor.Person("Firm Admin");
        var partner = await Api.PublishedPartner(firmAdmin);
        var owner = Actor.Person("Business Owner");
        var (business, conversation) = await Api.RequestedCollaboration(owner, partner);
        // The accept's follow-up (the collaboration starting, which Access copies in the same transaction) fails four
        // times: past the retries at once, it is tried again seconds later, and passes.
        await FailNextWrites("access.mt_doc_accesscollaboration", 4, sqlState: "53300"); // too many connections
        // (Not tracked as settled: tracking counts every failure, even one retried away.)
        (await Api.Post($"/api/v1/conversations/{conversation}/collaboration-request/accept", firmAdmin, new { confirm = true })).ShouldBe(HttpStatusCode.OK);
        await App.QuietAsync();
        var clients = await Api.GetAs<Holded.Partners.Kernel.Page<Holded.Partners.Collaboration.Collaborations.ClientRow>>($"/api/v1/partners/{partner}/clients", firmAdmin);
        var collaboration = clients.Items.ShouldHaveSingleItem().Collaboration.Id;

        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK);
        (await Reason(firmAdmin, business)).ShouldBe("granted");
        (await Faults.CallsAsync(App.ConnectionString)).ShouldBeGreaterThan(4); // failed four times, then passed
        (await Sql("select count(*) from wolverine.wolverine_dead_letters")).ShouldBe(0);
        await App.ProjectionsCaughtUpAsync();
        (await Api.Get("/health/ready", null)).ShouldBe(HttpStatusCode.OK).Body.ShouldBe("Healthy");
    }

    [Fact]
    public async Task a_message_that_fails_for_good_is_dead_lettered_and_readiness_reports_it()
    {
        var firmAdmin = Actor.Person("Firm Admin");
        var partner = await Api.PublishedPartner(firmAdmin);
        var (_, conversation) = await Api.RequestedCollaboration(Actor.Person("Business Owner"), partner);
        await FailNextWrites("access.mt_doc_accesscollaboration", 1000, sqlState: "XX000"); // an internal error: no retry helps
        (await Api.Post($"/api/v1/conversations/{conversation}/collaboration-request/accept", firmAdmin, new { confirm = true })).ShouldBe(HttpStatusCode.OK);

        await Eventually.Until(App.ConnectionString, async () => await Sql("select count(*) from wolverine.wolverine_dead_letters") == 1,
            TimeSpan.FromSeconds(30), "the failing follow-up never reached the dead letters");
        await App.ProjectionsCaughtUpAsync();
        var ready = await Api.Get("/health/ready", null);
        ready.Status.ShouldBe(HttpStatusCode.OK, ready.Body);
        ready.Body.ShouldStartWith("Degraded");
        ready.Body.ShouldContain("dead_letters: Degraded: 1 message(s) dead-lettered");
        ready.Body.ShouldContain("CollaborationAgreed");
    }
}
