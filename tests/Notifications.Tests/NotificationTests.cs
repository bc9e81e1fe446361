using Marten;
using Holded.Partners.Notifications.Inbox;
using Holded.Partners.Notifications.Settings;
using Microsoft.Extensions.DependencyInjection;
using Collaborations = Holded.Partners.Contracts.Collaboration;
using CollaborationView = Holded.Partners.Collaboration.Collaborations.CollaborationView;
using ProfileView = Holded.Partners.Onboarding.Profiles.ProfileView;

namespace Holded.Partners.Notifications.Tests;

/// <summary>Each source of news, who hears it and who must not, and the inbox itself.</summary>
public class NotificationTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.pending-work.write");

    private async Task<string[]> Kinds(Actor who, bool? unread = null) =>
        (await Api.GetAs<InboxPage>($"/api/v1/notifications{(unread is { } u ? $"?unread={u.ToString().ToLowerInvariant()}" : "")}", who))
            .Items.Select(i => i.Kind).ToArray();

    [Fact]
    public async Task the_way_to_a_collaboration_is_heard_by_the_right_side()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var firmKinds = await Kinds(firmAdmin);
        firmKinds.ShouldContain("application_decided");
        firmKinds.ShouldContain("profile_published");
        firmKinds.ShouldContain("collaboration_requested");
        firmKinds.ShouldContain("message_posted"); // the client opened the conversation with a message
        firmKinds.ShouldContain("collaboration_accepted");
        var clientKinds = await Kinds(owner);
        clientKinds.ShouldContain("collaboration_accepted");
        clientKinds.ShouldNotContain("collaboration_requested");
        clientKinds.ShouldNotContain("message_posted"); // their own message
        clientKinds.ShouldNotContain("application_decided");
        (await Kinds(Actor.Person())).ShouldBeEmpty();

        // A message from the firm reaches the client, not the author.
        var conversation = (await Api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", owner)).ConversationId;
        await Api.Settled(() => Api.Post($"/api/v1/conversations/{conversation}/messages", firmAdmin, new { text = "Os enviamos el presupuesto." }));
        (await Kinds(owner)).Count(k => k == "message_posted").ShouldBe(1);
        (await Kinds(firmAdmin)).Count(k => k == "message_posted").ShouldBe(1);

        await Api.Settled(() => Api.Post($"/api/v1/collaborations/{collaboration}/end", owner, new { reason = "Cerramos.", confirm = true }));
        (await Kinds(owner)).ShouldContain("collaboration_ended");
        (await Kinds(firmAdmin)).ShouldContain("collaboration_ended");
    }

    [Fact]
    public async Task a_declined_request_is_heard_by_both_sides()
    {
        var firmAdmin = Actor.Person("Firm Admin");
        var partner = await Api.PublishedPartner(firmAdmin);
        var owner = Actor.Person("Owner");
        var (_, conversation) = await Api.RequestedCollaboration(owner, partner);
        await Api.Settled(() => Api.Post($"/api/v1/conversations/{conversation}/collaboration-request/decline", firmAdmin, new { reason = "Sin capacidad." }));
        var news = (await Api.GetAs<InboxPage>("/api/v1/notifications", owner)).Items.Single(i => i.Kind == "collaboration_declined");
        news.Text.ShouldContain("Sin capacidad.");
        news.Link.ShouldBe($"/api/v1/conversations/{conversation}");
        (await Kinds(firmAdmin)).ShouldContain("collaboration_declined");
    }

    [Fact]
    public async Task access_news_reach_the_firms_side_and_managers_hear_of_their_assignment()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        var luis = await Api.AddMember(partner, firmAdmin, "account_manager");
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } }));
        (await Kinds(marta)).ShouldContain("manager_assigned");
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner,
            new { role = "accountant", expiresAt = DateTimeOffset.UtcNow.AddDays(60) }));
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "read_only" }));
        await Api.Settled(() => Api.Delete($"/api/v1/collaborations/{collaboration}/access-grant", owner));
        foreach (var firmSide in new[] { firmAdmin, marta })
            (await Kinds(firmSide)).ShouldContain(k => k == "access_granted" || k == "access_changed" || k == "access_ended");
        (await Kinds(marta)).Where(k => k.StartsWith("access_")).Order().ShouldBe(["access_changed", "access_ended", "access_granted"]);
        (await Kinds(luis)).ShouldNotContain(k => k.StartsWith("access_")); // not assigned to this client
        (await Kinds(owner)).ShouldNotContain(k => k.StartsWith("access_")); // the client did it

        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = Array.Empty<string>() }));
        (await Kinds(marta)).ShouldContain("manager_unassigned");
    }

    [Fact]
    public async Task an_expiring_grant_warns_both_sides()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        var luis = await Api.AddMember(partner, firmAdmin, "account_manager");
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } }));
        var bus = Wolverine.HostBuilderExtensions.MessageBus(App.Host);
        var expires = DateTimeOffset.UtcNow.AddDays(7);
        await Api.Settled(() => bus.PublishAsync(new Contracts.Access.AccessGrantExpiring(collaboration, business, partner, 7, expires)).AsTask());
        // The firm's side: its administrators and the manager assigned to this client; not a member assigned elsewhere.
        foreach (var firmSide in new[] { firmAdmin, marta })
            (await Kinds(firmSide)).Count(k => k == "access_expiring").ShouldBe(1);
        (await Kinds(luis)).ShouldNotContain("access_expiring");
        // The client's side too: their access is about to lapse, though they did nothing.
        var warning = (await Api.GetAs<InboxPage>("/api/v1/notifications", owner)).Items.Single(i => i.Kind == "access_expiring");
        warning.Link.ShouldBe($"/api/v1/collaborations/{collaboration}/access-grant");
    }

    [Fact]
    public async Task an_extension_request_reaches_the_clients_managers_and_its_answer_the_firms_side()
    {
        var (collaboration, _, firmAdmin, _, owner) = await Api.Collaborating();
        var grant = $"/api/v1/collaborations/{collaboration}/access-grant";
        await Api.Settled(() => Api.Put(grant, owner, new { role = "accountant", expiresAt = DateTimeOffset.UtcNow.AddDays(20) }));
        await Api.Settled(() => Api.Post($"{grant}/extension-requests", firmAdmin, new { expiresAt = DateTimeOffset.UtcNow.AddDays(60) }));
        (await Kinds(owner)).Count(k => k == "access_extension_requested").ShouldBe(1);
        (await Kinds(firmAdmin)).ShouldNotContain("access_extension_requested");
        var request = (await Api.GetAs<Access.Grants.GrantView>(grant, owner)).PendingExtension!;
        await Api.Settled(() => Api.Post($"{grant}/extension-requests/{request.Id}/approve", owner));
        (await Kinds(firmAdmin)).Count(k => k == "access_extension_answered").ShouldBe(1);
    }

    [Fact]
    public async Task rejections_of_the_application_and_of_a_profile_revision_reach_the_firms_administrators_with_the_reason()
    {
        var admin = Actor.Person("Admin");
        var firm = await Api.RegisterFirm(admin);
        await Api.SetSubscription(firm, "active");
        var manager = await Api.AddMember(firm, admin, "account_manager");
        var application = await Api.Apply(firm, admin);
        await Api.Settled(() => Api.Post($"/api/v1/partner-applications/{application}/reject", Actor.Reviewer(), new { reason = "Falta el certificado." }));
        var decided = (await Api.GetAs<InboxPage>("/api/v1/notifications", admin)).Items.Single(i => i.Kind == "application_decided");
        decided.Text.ShouldContain("Falta el certificado.");
        decided.Link.ShouldBe($"/api/v1/partner-applications/{application}");
        (await Kinds(manager)).ShouldNotContain("application_decided");

        var partner = await Api.PublishedPartner(admin);
        (await Api.Put($"/api/v1/partners/{partner}/profile", admin, Scenarios.CompleteProfile("López Asesores"))).ShouldBe(HttpStatusCode.OK);
        var revision = (await Api.Post($"/api/v1/partners/{partner}/profile/submit", admin)).ShouldBe(HttpStatusCode.OK).As<ProfileView>().Pending!.RevisionId;
        await Api.Settled(() => Api.Post($"/api/v1/profile-reviews/{revision}/reject", Actor.Reviewer(), new { reason = "El nombre no coincide." }));
        (await Kinds(admin)).ShouldContain("profile_rejected");
    }

    [Fact]
    public async Task an_invitation_waits_for_whoever_signs_in_with_that_verified_email()
    {
        var admin = Actor.Person("Admin");
        var firm = await Api.RegisterFirm(admin);
        var invited = Actor.Person("Invited");
        await Api.Settled(async () => (await Api.Post($"/api/v1/accounts/{firm}/invitations", admin, new { email = invited.Email, role = "account_manager" }))
            .ShouldBe(HttpStatusCode.Created));
        (await Kinds(invited)).ShouldBe(["invitation"]);
        (await Kinds(invited.Unverified())).ShouldBeEmpty();
        (await Kinds(admin)).ShouldNotContain("invitation");
    }

    [Fact]
    public async Task a_kpi_rise_is_heard_by_members_who_may_read_the_section_and_chose_that_kpi()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        var luis = await Api.AddMember(partner, firmAdmin, "account_manager");
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId, luis.UserId } }));
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" });
        await Api.Put($"/api/v1/clients/{business}/shared-sections", owner, new { sections = new[] { "accounting", "payroll" } });
        // Luis turns journal entries off for this client only.
        (await Api.Put("/api/v1/notification-settings", luis, new
        {
            email = false, kpis = new[] { "journal_entries_to_review", "payroll_pending" },
            clients = new[] { new { clientAccountId = business, kpis = new[] { "payroll_pending" } } },
        })).ShouldBe(HttpStatusCode.OK);

        async Task Report(string section, int count) => await Api.Settled(async () =>
            (await Api.Put($"/api/v1/clients/{business}/pending-work/{section}", Erp,
                new { items = Enumerable.Range(1, count).Select(i => new { id = $"{section}-{i}", title = $"Item {i}", link = $"/{section}/{i}" }) }))
            .ShouldBe(HttpStatusCode.OK));

        await Report("accounting", 2);
        (await Kinds(firmAdmin)).Count(k => k == "kpi_rise").ShouldBe(1);
        (await Kinds(marta)).Count(k => k == "kpi_rise").ShouldBe(1);
        (await Kinds(luis)).ShouldNotContain("kpi_rise");   // his override for this client
        (await Kinds(owner)).ShouldNotContain("kpi_rise");  // the client's own work
        var rise = (await Api.GetAs<InboxPage>("/api/v1/notifications", marta)).Items.First(i => i.Kind == "kpi_rise");
        rise.Link.ShouldBe($"/api/v1/collaborations/{collaboration}/pending-work");

        await Report("accounting", 1);                       // a fall is not news
        await Report("payroll", 3);                          // shared, but outside an accountant's role
        await Report("banking", 4);                          // within the role, not shared
        (await Kinds(firmAdmin)).Count(k => k == "kpi_rise").ShouldBe(1);
        (await Kinds(luis)).ShouldNotContain("kpi_rise");
    }

    [Fact]
    public async Task a_kpi_that_keeps_rising_is_one_notification_updated_until_it_is_read()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating();
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" });
        await Api.Put($"/api/v1/clients/{business}/shared-sections", owner, new { sections = new[] { "accounting" } });
        (await Api.Put("/api/v1/notification-settings", firmAdmin, new { email = true, kpis = new[] { "journal_entries_to_review" } })).ShouldBe(HttpStatusCode.OK);
        var bus = Wolverine.HostBuilderExtensions.MessageBus(App.Host);
        Collaborations.PendingWorkChanged Rise(int pending, long version) =>
            new(business, "accounting", "journal_entries_to_review", pending, pending - 1, true, version, DateTimeOffset.UtcNow);
        async Task<InboxItem[]> Rises() =>
            [.. (await Api.GetAs<InboxPage>("/api/v1/notifications?pageSize=100", firmAdmin)).Items.Where(i => i.Kind == "kpi_rise")];

        // Ten rises, one at a time and then at once: one notification, saying the last count; one email.
        var sent = new List<object>();
        for (var v = 1; v <= 5; v++) sent.AddRange(await Api.Messages(() => bus.PublishAsync(Rise(v, v)).AsTask()));
        sent.AddRange(await Api.Messages(() => Task.WhenAll(Enumerable.Range(6, 5).Select(v => bus.PublishAsync(Rise(v, v)).AsTask()))));
        var rise = (await Rises()).ShouldHaveSingleItem();
        rise.Text.ShouldContain("10 pendientes");
        rise.Read.ShouldBeFalse();
        sent.OfType<Notifications.Mail.SendNotificationEmail>().Count().ShouldBe(1);

        // A late or repeated fact changes nothing.
        var before = await App.EventCountAsync();
        await Api.Settled(() => bus.PublishAsync(Rise(4, 4)).AsTask());
        await Api.Settled(() => bus.PublishAsync(Rise(10, 10)).AsTask());
        (await App.EventCountAsync()).ShouldBe(before);
        (await Rises()).ShouldHaveSingleItem().Text.ShouldContain("10 pendientes");

        // Once read, the next rise is news again.
        (await Api.Post($"/api/v1/notifications/{rise.Id}/read", firmAdmin)).ShouldBe(HttpStatusCode.OK);
        await Api.Settled(() => bus.PublishAsync(Rise(11, 11)).AsTask());
        var both = await Rises();
        both.Length.ShouldBe(2);
        both[0].ShouldSatisfyAllConditions(r => r.Read.ShouldBeFalse(), r => r.Text.ShouldContain("11 pendientes"));
        await App.ShouldRebuildIdentically<Notification>(typeof(Notification));
    }

    [Fact]
    public async Task the_same_news_delivered_twice_is_one_notification()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating();
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" });
        await Api.Put($"/api/v1/clients/{business}/shared-sections", owner, new { sections = new[] { "accounting" } });
        var bus = Wolverine.HostBuilderExtensions.MessageBus(App.Host);
        var rise = new Collaborations.PendingWorkChanged(business, "accounting", "journal_entries_to_review", 5, 0, true, 42, DateTimeOffset.UtcNow);
        await Api.Settled(() => Task.WhenAll(bus.PublishAsync(rise).AsTask(), bus.PublishAsync(rise).AsTask()));
        await Api.Settled(() => bus.PublishAsync(rise).AsTask());
        (await Kinds(firmAdmin)).Count(k => k == "kpi_rise").ShouldBe(1);
        // A person reads words, never a catalog code.
        var text = (await Api.GetAs<InboxPage>("/api/v1/notifications", firmAdmin)).Items.Single(i => i.Kind == "kpi_rise").Text;
        text.ShouldContain("«Asientos por revisar»");
        text.ShouldNotContain("journal_entries_to_review");
    }

    [Fact]
    public async Task settings_have_a_default_take_overrides_only_for_reachable_clients_and_say_why_not()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var defaults = await Api.GetAs<NotificationSettings>("/api/v1/notification-settings", firmAdmin);
        defaults.Email.ShouldBeFalse();
        defaults.Kpis.Count.ShouldBe(7);

        var body = new { email = true, kpis = new[] { "tax_filings_due", "pending_invoices" }, clients = new[] { new { clientAccountId = business, kpis = Array.Empty<string>() } } };
        var saved = (await Api.Put("/api/v1/notification-settings", firmAdmin, body)).ShouldBe(HttpStatusCode.OK);
        saved.As<NotificationSettings>().Kpis.ShouldBe(["pending_invoices", "tax_filings_due"]);
        saved.Body.ShouldBe((await Api.Get("/api/v1/notification-settings", firmAdmin)).Body); // what was committed, version included
        saved.As<NotificationSettings>().Version.ShouldBe(1);
        var before = await App.EventCountAsync("notifications.settings_changed");
        (await Api.Put("/api/v1/notification-settings", firmAdmin, body)).ShouldBe(HttpStatusCode.OK);
        (await App.EventCountAsync("notifications.settings_changed")).ShouldBe(before);
        (await Api.GetAs<NotificationSettings>("/api/v1/notification-settings", firmAdmin)).Clients.ShouldHaveSingleItem();

        (await Api.Put("/api/v1/notification-settings", firmAdmin, new { email = false, kpis = new[] { "gossip" } })).ShouldBeInvalid("kpis");
        (await Api.Put("/api/v1/notification-settings", firmAdmin, new { kpis = Array.Empty<string>() })).ShouldBeInvalid("email");
        (await Api.Put("/api/v1/notification-settings", firmAdmin, new { email = false, kpis = Array.Empty<string>(), clients = new[] { new { clientAccountId = business, kpis = new[] { "x" } } } }))
            .ShouldBeInvalid("clients[0].kpis");
        var stranger = Guid.NewGuid();
        var refused = (await Api.Put("/api/v1/notification-settings", firmAdmin, new { email = false, kpis = Array.Empty<string>(), clients = new[] { new { clientAccountId = stranger, kpis = Array.Empty<string>() } } }))
            .ShouldRefuse("client_not_reachable");
        refused["detail"].GetValue<string>().ShouldBe($"Overrides are for clients you work for; these are not: {stranger}.");
        refused["rules"][0]!["message"]!.GetValue<string>().ShouldBe(refused["detail"].GetValue<string>());
        var unassigned = await Api.AddMember(partner, firmAdmin, "account_manager");
        (await Api.Put("/api/v1/notification-settings", unassigned, new { email = false, kpis = Array.Empty<string>(), clients = new[] { new { clientAccountId = business, kpis = Array.Empty<string>() } } }))
            .ShouldRefuse("client_not_reachable");
        (await Api.Put("/api/v1/notification-settings", Erp, body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get("/api/v1/notification-settings", Erp)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get("/api/v1/notification-settings", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await App.EventCountAsync("notifications.settings_changed")).ShouldBe(before);
    }

    [Fact]
    public async Task two_settings_at_once_never_fail_and_never_interleave()
    {
        var (_, _, firmAdmin, _, _) = await Api.Collaborating();
        var replies = await Task.WhenAll(
            Api.Put("/api/v1/notification-settings", firmAdmin, new { email = true, kpis = new[] { "stock_alerts" } }),
            Api.Put("/api/v1/notification-settings", firmAdmin, new { email = false, kpis = new[] { "tax_filings_due" } }));
        // Once the settings exist, writers queue on their row; the very first two may meet creating it: one is a 409.
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.OK || r.Status == HttpStatusCode.Conflict);
        var taken = replies.Count(r => r.Status == HttpStatusCode.OK);
        (await App.EventCountAsync("notifications.settings_changed")).ShouldBe(taken);
        var again = await Task.WhenAll(
            Api.Put("/api/v1/notification-settings", firmAdmin, new { email = true, kpis = new[] { "payroll_pending" } }),
            Api.Put("/api/v1/notification-settings", firmAdmin, new { email = true, kpis = new[] { "pending_invoices" } }));
        again.ShouldAllBe(r => r.Status == HttpStatusCode.OK);
        (await App.EventCountAsync("notifications.settings_changed")).ShouldBe(taken + 2);
    }

    [Fact]
    public async Task email_goes_to_those_who_asked_for_it()
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        (await Api.Put("/api/v1/notification-settings", firmAdmin, new { email = true, kpis = Array.Empty<string>() })).ShouldBe(HttpStatusCode.OK);
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" }));
        var granted = (await Api.GetAs<InboxPage>("/api/v1/notifications", firmAdmin)).Items.First(i => i.Kind == "access_granted");
        var mail = Path.Combine(App.MailFolder, $"{granted.Id}.eml");
        File.Exists(mail).ShouldBeTrue();
        (await File.ReadAllTextAsync(mail)).ShouldContain($"To: {firmAdmin.Email}");
        Directory.GetFiles(App.MailFolder).ShouldNotContain(f => File.ReadAllText(f).Contains(owner.Email));
    }

    [Fact]
    public async Task the_inbox_is_read_one_by_one_or_all_at_once_and_is_nobody_elses()
    {
        var (_, _, firmAdmin, _, owner) = await Api.Collaborating();
        var page = await Api.GetAs<InboxPage>("/api/v1/notifications?unread=true", firmAdmin);
        var unread = page.Unread;
        unread.ShouldBeGreaterThan(1);
        var first = page.Items[0].Id;
        (await Api.Post($"/api/v1/notifications/{first}/read", owner)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post($"/api/v1/notifications/{first}/read", firmAdmin)).ShouldBe(HttpStatusCode.OK).As<MarkedRead>().Marked.ShouldBe(1);
        (await Api.Post($"/api/v1/notifications/{first}/read", firmAdmin)).ShouldBe(HttpStatusCode.OK).As<MarkedRead>().Marked.ShouldBe(0);
        (await Api.GetAs<UnreadCount>("/api/v1/notifications/unread-count", firmAdmin)).Unread.ShouldBe(unread - 1);
        (await Kinds(firmAdmin, unread: false)).Length.ShouldBe(1);
        (await Api.Post("/api/v1/notifications/read-all", firmAdmin, new { })).ShouldBe(HttpStatusCode.OK).As<MarkedRead>().Marked.ShouldBe((int)unread - 1);
        (await Api.GetAs<UnreadCount>("/api/v1/notifications/unread-count", firmAdmin)).Unread.ShouldBe(0);
        (await Api.GetAs<UnreadCount>("/api/v1/notifications/unread-count", owner)).Unread.ShouldBeGreaterThan(0);
        var missing = (await Api.Post($"/api/v1/notifications/{Guid.NewGuid()}/read", firmAdmin)).ShouldBeProblem(HttpStatusCode.NotFound);
        missing["detail"].GetValue<string>().ShouldBe("No notification with that id exists, or it is not visible to you.");
        (await Api.Post($"/api/v1/notifications/{first}/read", Erp)).ShouldBeProblem(HttpStatusCode.Forbidden)["detail"].GetValue<string>()
            .ShouldBe("An inbox belongs to a person.");
        (await Api.Get("/api/v1/notifications", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Get("/api/v1/notifications", Erp)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get("/api/v1/notifications?page=0", firmAdmin)).ShouldBeInvalid("page");
    }

    /// <summary>Messages are heard in batches: many written at once, in two conversations and from both sides, are each heard once by the other side.</summary>
    [Fact]
    public async Task messages_written_at_once_are_each_heard_once_by_the_other_side()
    {
        var (collaboration, partner, firmAdmin, _, owner) = await Api.Collaborating();
        var working = (await Api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", owner)).ConversationId;
        var prospect = Actor.Person("Prospect Owner");
        var prospecting = await Api.OpenConversation(prospect, await Api.RegisterBusiness(prospect), partner);
        await App.QuietAsync();

        var writes = new List<Task<Reply>>();
        foreach (var (conversation, client) in new[] { (working, owner), (prospecting, prospect) })
            for (var i = 0; i < 5; i++)
            {
                writes.Add(Api.Post($"/api/v1/conversations/{conversation}/messages", client, new { text = $"Cliente {i}" }));
                writes.Add(Api.Post($"/api/v1/conversations/{conversation}/messages", firmAdmin, new { text = $"Gestoría {i}" }));
            }
        foreach (var reply in await Task.WhenAll(writes)) reply.ShouldBe(HttpStatusCode.Created);
        await App.QuietAsync();

        async Task<ILookup<string, InboxItem>> Messages(Actor who) =>
            (await Api.GetAs<InboxPage>("/api/v1/notifications?pageSize=100", who)).Items.Where(i => i.Kind == "message_posted").ToLookup(i => i.Link);
        var toFirm = await Messages(firmAdmin);
        toFirm[$"/api/v1/conversations/{working}"].Count().ShouldBe(1 + 5); // the first message, then five
        toFirm[$"/api/v1/conversations/{prospecting}"].Count().ShouldBe(1 + 5);
        foreach (var (conversation, client) in new[] { (working, owner), (prospecting, prospect) })
        {
            var toClient = await Messages(client);
            toClient.Select(g => g.Key).ShouldBe([$"/api/v1/conversations/{conversation}"]);
            toClient[$"/api/v1/conversations/{conversation}"].Count().ShouldBe(5);
        }
        await using var session = App.Store.QuerySession();
        (await session.Query<Notification>().CountAsync(n => n.Kind == "message_posted")).ShouldBe(6 + 6 + 5 + 5); // nobody else, nothing twice
    }

    [Fact]
    public async Task the_inbox_and_the_settings_rebuild_identically()
    {
        var (_, _, firmAdmin, business, _) = await Api.Collaborating();
        await Api.Put("/api/v1/notification-settings", firmAdmin, new { email = false, kpis = new[] { "stock_alerts" } });
        await Api.Post("/api/v1/notifications/read-all", firmAdmin, new { });
        await App.ShouldRebuildIdentically<Notification>(typeof(Notification));
        await App.ShouldRebuildIdentically<NotificationSettings>(typeof(NotificationSettings));
    }

    [Fact]
    public async Task read_all_marks_a_bounded_number_at_a_time_and_says_how_many_remain()
    {
        var person = Actor.Person();
        await using (var session = App.Store.LightweightSession())
        {
            for (var i = 0; i < Inbox.ReadAllNotificationsEndpoint.ReadAllAtOnce + 5; i++)
            {
                var id = Guid.NewGuid();
                session.Events.StartStream<Inbox.Notification>(id, new Inbox.NotificationDelivered(id, person.UserId, person.Email, "test", $"n {i}", $"n {i}", "/", null));
            }
            await session.SaveChangesAsync();
        }
        var first = (await Api.Post("/api/v1/notifications/read-all", person, new { })).ShouldBe(HttpStatusCode.OK);
        first.As<MarkedRead>().ShouldBe(new MarkedRead(Inbox.ReadAllNotificationsEndpoint.ReadAllAtOnce, 5));
        var second = (await Api.Post("/api/v1/notifications/read-all", person, new { })).ShouldBe(HttpStatusCode.OK);
        second.As<MarkedRead>().ShouldBe(new MarkedRead(5, 0));
        (await Api.GetAs<UnreadCount>("/api/v1/notifications/unread-count", person)).Unread.ShouldBe(0);
    }
}
