using Holded.Partners.Collaboration.Collaborations;
using Holded.Partners.Collaboration.PendingWork;
using Holded.Partners.Kernel;
using Contract = Holded.Partners.Contracts.Collaboration;

namespace Holded.Partners.Collaboration.Tests;

/// <summary>Step 10: what the client shares, what the ERP reports, what each firm member sees and completes.</summary>
public class PendingWorkTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.pending-work.write");

    private static object Item(string id, string? title = null, string? link = null) =>
        new { id, title = title ?? $"Asiento {id}", dueDate = "2026-12-31", amount = 121.5m, link = link ?? $"/accounting/entries/{id}" };

    // Settled: what a report causes elsewhere (notifications) is done before the test looks.
    private Task<Reply> Report(Guid client, string section, params object[] items) =>
        Api.Settled(() => Api.Put($"/api/v1/clients/{client}/pending-work/{section}", Erp, new { items }));

    private Task<Reply> Share(Actor owner, Guid client, params string[] sections) =>
        Api.Put($"/api/v1/clients/{client}/shared-sections", owner, new { sections });

    private Task<Reply> Work(Guid collaboration, Actor? who) => Api.Get($"/api/v1/collaborations/{collaboration}/pending-work", who);

    private Task<Reply> Complete(Guid collaboration, Actor? who, string section, string item) =>
        Api.Post($"/api/v1/collaborations/{collaboration}/pending-work/{section}/items/{item}/complete", who);

    private static string[] Sections(Reply work) => work.ShouldBe(HttpStatusCode.OK).As<CollaborationPendingWork>().Sections.Select(s => s.Section).ToArray();

    /// <summary>A collaboration with an accountant grant, accounting and payroll shared, work reported in three sections.</summary>
    private async Task<(Guid Collaboration, Guid Partner, Actor FirmAdmin, Guid Business, Actor Owner)> Reported()
    {
        var p = await Api.Collaborating(); // standard plan: payroll included, inventory not
        (await Api.Put($"/api/v1/collaborations/{p.Collaboration}/access-grant", p.Owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK);
        (await Share(p.Owner, p.Business, "payroll", "accounting", "invoicing")).ShouldBe(HttpStatusCode.OK);
        (await Report(p.Business, "accounting", Item("a1"), Item("a2"))).ShouldBe(HttpStatusCode.OK);
        (await Report(p.Business, "payroll", Item("payroll-item-1", link: "/team/payroll/p1"))).ShouldBe(HttpStatusCode.OK);
        (await Report(p.Business, "banking", Item("banking-item-1", link: "/banking/b1"))).ShouldBe(HttpStatusCode.OK);
        (await Report(p.Business, "invoicing", Item("i1", link: "/invoicing/i1"))).ShouldBe(HttpStatusCode.OK);
        return p;
    }

    [Fact]
    public async Task the_client_shares_sections_and_saying_it_again_records_nothing()
    {
        var (_, _, firmAdmin, business, owner) = await Api.Collaborating();
        (await Api.GetAs<SharedSections>($"/api/v1/clients/{business}/shared-sections", owner)).Sections.ShouldBeEmpty();
        (await Share(owner, business, "taxes", "accounting")).ShouldBe(HttpStatusCode.OK).As<SharedSections>().Sections.ShouldBe(["accounting", "taxes"]);
        var before = await App.EventCountAsync();
        (await Share(owner, business, "accounting", "taxes")).ShouldBe(HttpStatusCode.OK);
        (await App.EventCountAsync()).ShouldBe(before);
        (await Api.GetAs<SharedSections>($"/api/v1/clients/{business}/shared-sections", owner)).Sections.Count.ShouldBe(2);

        (await Share(firmAdmin, business, "taxes")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/clients/{business}/shared-sections", firmAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Share(Actor.Person(), business, "taxes")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Share(owner, Guid.NewGuid(), "taxes")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Put($"/api/v1/clients/{business}/shared-sections", null, new { sections = new[] { "taxes" } })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Share(owner, business, "taxes", "gossip")).ShouldBeInvalid("sections");
        (await Share(owner, business, "taxes", "taxes")).ShouldBeInvalid("sections");
        (await Api.Put($"/api/v1/clients/{business}/shared-sections", owner, new { })).ShouldBeInvalid("sections");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task the_erp_replaces_a_section_and_the_same_report_twice_changes_nothing()
    {
        var (_, _, _, business, owner) = await Api.Collaborating();
        await Share(owner, business, "accounting");
        var messages = await Api.Messages(async () =>
            (await Api.Put($"/api/v1/clients/{business}/pending-work/accounting", Erp, new { items = new[] { Item("a1"), Item("a2") } })).ShouldBe(HttpStatusCode.OK).As<SectionReport>().Changed.ShouldBeTrue());
        var changed = messages.OfType<Contract.PendingWorkChanged>().ShouldHaveSingleItem();
        (changed.Kpi, changed.Pending, changed.PreviousPending, changed.Shared).ShouldBe(("journal_entries_to_review", 2, 0, true));

        var before = await App.EventCountAsync();
        var again = await Api.Messages(async () =>
            (await Api.Put($"/api/v1/clients/{business}/pending-work/accounting", Erp, new { items = new[] { Item("a1"), Item("a2") } })).ShouldBe(HttpStatusCode.OK).As<SectionReport>().Changed.ShouldBeFalse());
        again.OfType<Contract.PendingWorkChanged>().ShouldBeEmpty();
        (await App.EventCountAsync()).ShouldBe(before);

        (await Report(business, "accounting", Item("a2"))).ShouldBe(HttpStatusCode.OK).As<SectionReport>().Pending.ShouldBe(1);
        (await Report(business, "accounting")).ShouldBe(HttpStatusCode.OK).As<SectionReport>().Pending.ShouldBe(0);
    }

    [Fact]
    public async Task only_the_erp_reports_and_a_malformed_report_stores_nothing()
    {
        var (_, _, firmAdmin, business, owner) = await Api.Collaborating();
        var before = await App.EventCountAsync();
        (await Api.Put($"/api/v1/clients/{business}/pending-work/accounting", owner, new { items = new[] { Item("a1") } })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Put($"/api/v1/clients/{business}/pending-work/accounting", Actor.Service("partners.access.check"), new { items = new[] { Item("a1") } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Put($"/api/v1/clients/{business}/pending-work/accounting", null, new { items = new[] { Item("a1") } })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Report(business, "gossip", Item("a1"))).ShouldBeInvalid("section");
        (await Report(business, "accounting", Item("a1"), Item("a1"))).ShouldBeInvalid("items");
        (await Report(business, "accounting", Item("a1"), Item(" a1 "))).ShouldBeInvalid("items"); // the same id once trimmed
        (await Report(business, "accounting", Item("a1", link: "//evil.example/x"))).ShouldBeInvalid("items[0].link");
        (await Report(business, "accounting", Item("a1", link: "javascript:alert(1)"))).ShouldBeInvalid("items[0].link");
        (await Report(business, "accounting", new { id = "a1", link = "/x" })).ShouldBeInvalid("items[0].title");
        (await Api.Put($"/api/v1/clients/{business}/pending-work/accounting", Erp, new { })).ShouldBeInvalid("items");
        (await Report(Guid.NewGuid(), "accounting", Item("a1"))).ShouldBeProblem(HttpStatusCode.NotFound);
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task the_firm_sees_what_is_shared_and_within_its_access_with_the_go_to_link()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Reported();
        var work = (await Work(collaboration, firmAdmin)).ShouldBe(HttpStatusCode.OK);
        // accounting: shared, written by an accountant. invoicing: shared, read only. payroll: shared, outside the role.
        // banking: within the role, not shared.
        Sections(work).ShouldBe(["invoicing", "accounting"]);
        var sections = work.As<CollaborationPendingWork>().Sections;
        var accounting = sections[1];
        accounting.Pending.ShouldBe(2);
        accounting.Kpi.ShouldBe("journal_entries_to_review");
        accounting.MayComplete.ShouldBeTrue();
        accounting.GoTo.ShouldBe(new GoToLink("/accounting/daily-ledger", "Ir a libro diario"));
        accounting.Items.Select(i => i.Id).ShouldBe(["a1", "a2"]);
        sections[0].MayComplete.ShouldBeFalse();
        work.Body.ShouldNotContain("payroll-item-1");
        work.Body.ShouldNotContain("banking-item-1");

        // Account managers: only once assigned. The client reads its work in the ERP. Strangers learn nothing.
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        (await Work(collaboration, marta)).ShouldBeProblem(HttpStatusCode.NotFound);
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } }));
        Sections(await Work(collaboration, marta)).ShouldBe(["invoicing", "accounting"]);
        (await Work(collaboration, owner)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Work(collaboration, Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Work(Guid.NewGuid(), firmAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Work(collaboration, null)).ShouldBeProblem(HttpStatusCode.Unauthorized);

        // The client narrows what it shares; removing access hides everything.
        await Share(owner, business, "accounting");
        Sections(await Work(collaboration, firmAdmin)).ShouldBe(["accounting"]);
        await Api.Delete($"/api/v1/collaborations/{collaboration}/access-grant", owner);
        Sections(await Work(collaboration, firmAdmin)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_member_with_write_access_completes_an_item_once_and_others_are_told_why_not()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Reported();
        var messages = await Api.Messages(async () => (await Complete(collaboration, firmAdmin, "accounting", "a1")).ShouldBe(HttpStatusCode.OK));
        messages.OfType<Contract.PendingItemCompleted>().ShouldHaveSingleItem().ItemId.ShouldBe("a1");
        messages.OfType<Contract.PendingWorkChanged>().ShouldHaveSingleItem().Pending.ShouldBe(1);
        var before = await App.EventCountAsync();
        (await Complete(collaboration, firmAdmin, "accounting", "a1")).ShouldBe(HttpStatusCode.OK);
        (await App.EventCountAsync()).ShouldBe(before);
        var accounting = (await Work(collaboration, firmAdmin)).ShouldBe(HttpStatusCode.OK).As<CollaborationPendingWork>().Sections.Single(s => s.Section == "accounting");
        accounting.Items.Select(i => i.Id).ShouldBe(["a2"]);

        before = await App.EventCountAsync();
        var readOnly = (await Complete(collaboration, firmAdmin, "invoicing", "i1")).ShouldBeProblem(HttpStatusCode.Forbidden);
        readOnly["reason"].GetValue<string>().ShouldBe("role_level_too_low");
        readOnly["detail"].GetValue<string>().ShouldBe("You may not complete invoicing items for this client: role_level_too_low.");
        const string noItem = "No item with that id exists, or it is not visible to you.";
        (await Complete(collaboration, firmAdmin, "payroll", "payroll-item-1")).ShouldBeProblem(HttpStatusCode.NotFound)["detail"].GetValue<string>().ShouldBe(noItem); // not theirs to see
        (await Complete(collaboration, firmAdmin, "banking", "banking-item-1")).ShouldBeProblem(HttpStatusCode.NotFound)["detail"].GetValue<string>().ShouldBe(noItem); // not shared
        (await Complete(collaboration, firmAdmin, "accounting", "nope")).ShouldBeProblem(HttpStatusCode.NotFound)["detail"].GetValue<string>().ShouldBe(noItem);
        (await Complete(collaboration, firmAdmin, "gossip", "a2")).ShouldBeProblem(HttpStatusCode.NotFound)["detail"].GetValue<string>()
            .ShouldBe("No section with that id exists, or it is not visible to you.");
        (await Complete(collaboration, owner, "accounting", "a2")).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Complete(Guid.NewGuid(), firmAdmin, "accounting", "a2")).ShouldBeProblem(HttpStatusCode.NotFound)["detail"].GetValue<string>()
            .ShouldBe("No collaboration with that id exists, or it is not visible to you.");
        (await Complete(collaboration, Actor.Person(), "accounting", "a2")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Complete(collaboration, null, "accounting", "a2")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await App.EventCountAsync()).ShouldBe(before); // a refusal records nothing

        // The ERP keeps listing a completed item until it catches up: it stays completed; once dropped, it is forgotten.
        (await Report(business, "accounting", Item("a1"), Item("a2"), Item("a3"))).ShouldBe(HttpStatusCode.OK).As<SectionReport>().Pending.ShouldBe(2);
        (await Report(business, "accounting", Item("a2"), Item("a3"))).ShouldBe(HttpStatusCode.OK).As<SectionReport>().Pending.ShouldBe(2);
        (await Report(business, "accounting", Item("a1"), Item("a2"), Item("a3"))).ShouldBe(HttpStatusCode.OK).As<SectionReport>().Pending.ShouldBe(3);
    }

    [Fact]
    public async Task two_completions_at_once_complete_once()
    {
        var (collaboration, _, firmAdmin, _, _) = await Reported();
        var replies = await Task.WhenAll(Complete(collaboration, firmAdmin, "accounting", "a1"), Complete(collaboration, firmAdmin, "accounting", "a1"));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.OK);
        (await App.EventCountAsync("collaboration.pending_item_completed")).ShouldBe(1);
    }

    [Fact]
    public async Task the_clients_table_shows_the_granted_role_and_the_kpis_the_member_may_see()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Reported();
        var row = (await Api.GetAs<Page<ClientRow>>($"/api/v1/partners/{partner}/clients", firmAdmin)).Items.ShouldHaveSingleItem();
        row.Role.ShouldBe("accountant");
        row.Kpis.Select(k => (k.Key, k.Value)).ShouldBe([("pending_invoices", 1), ("journal_entries_to_review", 2)]);

        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "payroll_advisor" });
        var narrowed = (await Api.GetAs<Page<ClientRow>>($"/api/v1/partners/{partner}/clients", firmAdmin)).Items.Single();
        narrowed.Kpis.Select(k => k.Key).ShouldBe(["payroll_pending"]);
    }

    [Fact]
    public async Task the_pending_work_rebuilds_identically()
    {
        var (collaboration, _, firmAdmin, _, _) = await Reported();
        await Complete(collaboration, firmAdmin, "accounting", "a1");
        await App.ShouldRebuildIdentically<ClientWork>(typeof(ClientWork));
    }
}
