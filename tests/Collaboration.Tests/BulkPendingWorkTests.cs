using Holded.Partners.Collaboration.PendingWork;
using Holded.Partners.Kernel;
using Contract = Holded.Partners.Contracts.Collaboration;

namespace Holded.Partners.Collaboration.Tests;

/// <summary>
/// The ERP's bulk report: many clients' sections at once, each decided as the single report decides it, each with its
/// own outcome; recorded in one transaction, with what it tells the other modules.
/// </summary>
public class BulkPendingWorkTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.pending-work.write");
    private const string Bulk = "/api/v1/pending-work";

    private static object Item(string id) => new { id, title = $"Asiento {id}", dueDate = "2026-12-31", amount = 10m, link = $"/accounting/entries/{id}" };

    private static object Section(Guid client, string section, params object[] items) => new { clientAccountId = client, section, items };

    private async Task<(Guid Business, Actor Owner, Guid Other)> TwoClients()
    {
        var p = await Api.Collaborating();
        var other = await Api.Collaborating();
        return (p.Business, p.Owner, other.Business);
    }

    /// <summary>What the module holds for a client's section (the ERP has no read of it: it is the one who says it).</summary>
    private async Task<SectionWork> Held(Guid client, string section)
    {
        await using var session = App.Store.QuerySession();
        return (await session.LoadAsync<ClientWork>(ClientWork.IdFor(client)))?.Section(section) ?? SectionWork.Empty;
    }

    [Fact]
    public async Task many_clients_sections_are_applied_at_once_and_what_is_said_again_is_unchanged()
    {
        var (a, _, b) = await TwoClients();
        var messages = await Api.Messages(async () =>
        {
            var answer = (await Api.Post(Bulk, Erp, new { reports = new[]
            {
                Section(a, "accounting", Item("a1"), Item("a2")), Section(a, "invoicing", Item("i1")), Section(b, "accounting", Item("b1")),
            } })).ShouldBe(HttpStatusCode.OK).As<BulkReportAnswer>();
            answer.Results.Select(r => (r.Index, r.Outcome, r.Pending)).ShouldBe([(0, "applied", 2), (1, "applied", 1), (2, "applied", 1)]);
            (answer.Applied, answer.Unchanged, answer.Refused).ShouldBe((3, 0, 0));
        });
        messages.OfType<Contract.PendingWorkChanged>().Count().ShouldBe(3);
        // The single report reads what the bulk one wrote, and agrees it is what it would have written.
        (await Api.Put($"/api/v1/clients/{a}/pending-work/accounting", Erp, new { items = new[] { Item("a1"), Item("a2") } }))
            .ShouldBe(HttpStatusCode.OK).As<SectionReport>().Changed.ShouldBeFalse();

        var before = await App.EventCountAsync();
        var again = await Api.Messages(async () =>
        {
            var answer = (await Api.Post(Bulk, Erp, new { reports = new[]
            {
                Section(a, "accounting", Item("a1"), Item("a2")), Section(a, "invoicing"), Section(b, "accounting", Item("b1")),
            } })).ShouldBe(HttpStatusCode.OK).As<BulkReportAnswer>();
            answer.Results.Select(r => r.Outcome).ShouldBe(["unchanged", "applied", "unchanged"]);
            answer.Results[1].Pending.ShouldBe(0);
        });
        again.OfType<Contract.PendingWorkChanged>().ShouldHaveSingleItem().Section.ShouldBe("invoicing");
        (await App.EventCountAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task a_report_that_is_wrong_is_refused_alone_with_its_reason_and_the_rest_applies()
    {
        var (a, _, b) = await TwoClients();
        var before = await App.EventCountAsync();
        var answer = (await Api.Post(Bulk, Erp, new { reports = new object[]
        {
            Section(a, "gossip", Item("x")),
            Section(Guid.NewGuid(), "accounting", Item("x")),
            new { section = "accounting", items = Array.Empty<object>() },
            Section(b, "accounting", Item("b1"), Item("b1")),
            new { clientAccountId = a, section = "accounting", items = new[] { new { id = "a1", title = "Sin enlace" } } },
            Section(a, "taxes", Item("t1")),
        } })).ShouldBe(HttpStatusCode.OK).As<BulkReportAnswer>();
        answer.Results.Select(r => (r.Outcome, r.Reason)).ShouldBe([
            ("refused", "invalid_report"), ("refused", "client_not_found"), ("refused", "invalid_report"), ("refused", "invalid_report"),
            ("refused", "invalid_report"), ("applied", null)]);
        answer.Results[0].Errors!.Keys.ShouldBe(["section"]);
        answer.Results[2].Errors!.Keys.ShouldBe(["clientAccountId"]);
        answer.Results[3].Errors!.Keys.ShouldBe(["items"]);
        answer.Results[4].Errors!.Keys.ShouldBe(["items[0].link"]);
        (answer.Applied, answer.Refused).ShouldBe((1, 5));
        (await App.EventCountAsync()).ShouldBe(before + 1);
        (await Held(a, "taxes")).Items.ShouldHaveSingleItem().Id.ShouldBe("t1");
        (await Held(b, "accounting")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_request_that_is_wrong_as_a_whole_is_refused_and_nothing_is_stored()
    {
        var (a, _, _) = await TwoClients();
        var before = await App.EventCountAsync();
        (await Api.Post(Bulk, Erp, new { })).ShouldBeInvalid("reports");
        (await Api.Post(Bulk, Erp, new { reports = Array.Empty<object>() })).ShouldBeInvalid("reports");
        (await Api.Post(Bulk, Erp, new { reports = new[] { Section(a, "accounting", Item("1")), Section(a, "accounting", Item("2")) } })).ShouldBeInvalid("reports");
        (await Api.Post(Bulk, Erp, new { reports = Enumerable.Range(0, ReportPendingWorkInBulkEndpoint.MaxReports + 1).Select(i => Section(a, "accounting")) }))
            .ShouldBeInvalid("reports");
        var heavy = Enumerable.Range(0, 21).Select(s => Section(Guid.NewGuid(), "accounting", [.. Enumerable.Range(0, 1000).Select(i => Item($"{s}-{i}"))]));
        (await Api.Post(Bulk, Erp, new { reports = heavy })).ShouldBeInvalid("reports");
        (await Api.Send(HttpMethod.Post, Bulk, Erp, rawBody: "{\"reports\": [")).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task only_the_erps_pending_work_token_reports()
    {
        var (a, owner, _) = await TwoClients();
        var body = new { reports = new[] { Section(a, "accounting", Item("a1")) } };
        (await Api.Post(Bulk, null, body)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Post(Bulk, owner, body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post(Bulk, Actor.Service("partners.access.check"), body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Held(a, "accounting")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task two_reports_of_one_client_at_once_never_meet_in_a_server_error_and_lose_nothing()
    {
        var (a, _, _) = await TwoClients();
        var replies = await Api.Settled(() => Task.WhenAll(
            Api.Post(Bulk, Erp, new { reports = new[] { Section(a, "accounting", Item("x1")), Section(a, "banking", Item("x2")) } }),
            Api.Post(Bulk, Erp, new { reports = new[] { Section(a, "accounting", Item("y1")), Section(a, "taxes", Item("y2")) } }),
            Api.Put($"/api/v1/clients/{a}/pending-work/payroll", Erp, new { items = new[] { Item("z1") } })));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.OK || r.Status == HttpStatusCode.Conflict);
        replies.ShouldContain(r => r.Status == HttpStatusCode.OK);
        // What was answered 200 is there; a 409 left nothing of its request.
        // Both bulk reports may lose to the single one: then accounting holds nothing.
        var accounting = (await Held(a, "accounting")).Items.Select(i => i.Id).ToList();
        accounting.Count.ShouldBe(replies[0].Status == HttpStatusCode.OK || replies[1].Status == HttpStatusCode.OK ? 1 : 0);
        (await Held(a, "banking")).Items.Count.ShouldBe(replies[0].Status == HttpStatusCode.OK ? 1 : 0);
        (await Held(a, "taxes")).Items.Count.ShouldBe(replies[1].Status == HttpStatusCode.OK ? 1 : 0);
        (await Held(a, "payroll")).Items.Count.ShouldBe(replies[2].Status == HttpStatusCode.OK ? 1 : 0);
        if (replies[0].Status != replies[1].Status) accounting.ShouldBe([replies[0].Status == HttpStatusCode.OK ? "x1" : "y1"]);
    }

    [Fact]
    public async Task the_work_the_bulk_report_wrote_rebuilds_identically()
    {
        var (a, _, b) = await TwoClients();
        (await Api.Post(Bulk, Erp, new { reports = new[] { Section(a, "accounting", Item("a1")), Section(b, "taxes", Item("t1")) } })).ShouldBe(HttpStatusCode.OK);
        (await Api.Post(Bulk, Erp, new { reports = new[] { Section(a, "accounting", Item("a2")), Section(b, "taxes") } })).ShouldBe(HttpStatusCode.OK);
        await App.ShouldRebuildIdentically<ClientWork>(typeof(ClientWork));
    }
}
