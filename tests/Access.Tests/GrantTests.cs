using Holded.Partners.Access.Catalog;
using Holded.Partners.Access.Grants;
using CollaborationView = Holded.Partners.Collaboration.Collaborations.CollaborationView;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;
using Contract = Holded.Partners.Contracts.Access;

namespace Holded.Partners.Access.Tests;

public class GrantTests(PartnersApp app) : AppTest(app)
{
    private Wolverine.IMessageBus Bus => Wolverine.HostBuilderExtensions.MessageBus(App.Host);

    [Fact]
    public async Task the_catalogs_list_roles_and_plans()
    {
        var roles = await Api.GetAs<RoleDefinition[]>("/api/v1/access/roles", Actor.Person());
        roles.Select(r => r.Role).ShouldBe(["full_advisor", "accountant", "tax_advisor", "payroll_advisor", "read_only"]);
        roles.Single(r => r.Role == "accountant").Sections["banking"].ShouldBe("write");
        var plans = await Api.GetAs<PlanDefinition[]>("/api/v1/access/plans", Actor.Person());
        plans.Single(p => p.Plan == "free").Sections.Count.ShouldBe(2);
    }

    [Fact]
    public async Task the_client_grants_a_role_and_its_plan_caps_each_section()
    {
        var (collaboration, _, firmAdmin, _, owner) = await Api.Collaborating(); // a "standard" plan: no inventory
        (await Api.GetAs<GrantView>($"/api/v1/collaborations/{collaboration}/access-grant", owner)).Status.ShouldBe("none");
        var granted = (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" })).ShouldBe(HttpStatusCode.OK).As<GrantView>();
        granted.Status.ShouldBe("active");
        granted.Effective["payroll"].ShouldBe("write");
        granted.Effective["inventory"].ShouldBe("none");
        var seen = await Api.GetAs<GrantView>($"/api/v1/collaborations/{collaboration}/access-grant", firmAdmin);
        seen.Role.ShouldBe("full_advisor");
    }

    [Fact]
    public async Task a_plan_change_takes_effect_at_once()
    {
        var (collaboration, _, _, business, owner) = await Api.Collaborating();
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" });
        await Api.SetSubscription(business, "active", "free");
        var view = await Api.GetAs<GrantView>($"/api/v1/collaborations/{collaboration}/access-grant", owner);
        view.Effective["accounting"].ShouldBe("none");
        view.Effective["invoicing"].ShouldBe("read");
    }

    [Fact]
    public async Task the_client_changes_the_role_and_removes_access_without_ending_the_collaboration()
    {
        var (collaboration, _, firmAdmin, _, owner) = await Api.Collaborating();
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" });
        var messages = await Api.Messages(() => Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "read_only" }));
        messages.OfType<Contract.AccessGrantChanged>().ShouldHaveSingleItem().ToRole.ShouldBe("read_only");
        (await Api.GetAs<GrantView>($"/api/v1/collaborations/{collaboration}/access-grant", firmAdmin)).Effective["taxes"].ShouldBe("read");

        var removed = await Api.Messages(async () =>
            (await Api.Delete($"/api/v1/collaborations/{collaboration}/access-grant", owner)).ShouldBe(HttpStatusCode.NoContent));
        removed.OfType<Contract.AccessGrantEnded>().ShouldHaveSingleItem().Reason.ShouldBe("removed");
        (await Api.GetAs<GrantView>($"/api/v1/collaborations/{collaboration}/access-grant", owner)).Status.ShouldBe("removed");
        (await Api.GetAs<CollaborationView>($"/api/v1/collaborations/{collaboration}", owner)).Status.ShouldBe("active");
        (await Api.Delete($"/api/v1/collaborations/{collaboration}/access-grant", owner)).ShouldBeProblem(HttpStatusCode.Conflict);
        // And may grant again.
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "tax_advisor" })).ShouldBe(HttpStatusCode.OK).As<GrantView>().Status.ShouldBe("active");
    }

    [Fact]
    public async Task saying_again_the_same_grant_records_nothing()
    {
        var (collaboration, _, _, _, owner) = await Api.Collaborating();
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" });
        var before = await App.EventCountAsync();
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK);
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task an_expiring_grant_schedules_its_expiry_and_reminders_and_stops_working_past_it()
    {
        var (collaboration, _, firmAdmin, _, owner) = await Api.Collaborating();
        var expires = DateTimeOffset.UtcNow.AddDays(40);
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync(
            (Func<Wolverine.IMessageContext, Task>)(_ => Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant", expiresAt = expires })));
        var scheduled = tracked.Scheduled.Envelopes().ToList();
        var expiry = scheduled.Single(e => e.Message is ExpireGrant);
        expiry.ScheduledTime!.Value.ShouldBe(expires, TimeSpan.FromMilliseconds(1));
        scheduled.Select(e => e.Message).OfType<RemindGrantExpiry>().Select(r => r.Days).Order().ShouldBe([1, 7, 30]);

        App.Clock.Advance(TimeSpan.FromDays(41));
        (await Api.GetAs<GrantView>($"/api/v1/collaborations/{collaboration}/access-grant", firmAdmin)).Status.ShouldBe("expired");

        // The scheduler fires: the expiry is recorded once, however often it is delivered.
        var ended = await Api.Messages(() => Bus.PublishAsync(expiry.Message!).AsTask());
        ended.OfType<Contract.AccessGrantEnded>().ShouldHaveSingleItem().Reason.ShouldBe("expired");
        (await Api.Messages(() => Bus.PublishAsync(expiry.Message!).AsTask())).OfType<Contract.AccessGrantEnded>().ShouldBeEmpty();
        (await App.EventCountAsync("access.access_expired")).ShouldBe(1);
    }

    [Fact]
    public async Task a_reminder_due_tells_notifications_how_many_days_are_left_and_none_is_set_for_a_past_mark()
    {
        var (collaboration, _, _, _, owner) = await Api.Collaborating();
        var expires = DateTimeOffset.UtcNow.AddDays(10);
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync(
            (Func<Wolverine.IMessageContext, Task>)(_ => Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant", expiresAt = expires })));
        var reminders = tracked.Scheduled.Envelopes().Where(e => e.Message is RemindGrantExpiry).ToList();
        reminders.Select(e => ((RemindGrantExpiry)e.Message!).Days).Order().ShouldBe([1, 7]); // thirty days before is already past
        reminders.Single(e => ((RemindGrantExpiry)e.Message!).Days == 7).ScheduledTime!.Value.ShouldBe(expires.AddDays(-7), TimeSpan.FromMilliseconds(1));

        var sent = await Api.Messages(() => Bus.PublishAsync(reminders.Single(e => ((RemindGrantExpiry)e.Message!).Days == 7).Message!).AsTask());
        var expiring = sent.OfType<Contract.AccessGrantExpiring>().ShouldHaveSingleItem();
        expiring.Days.ShouldBe(7);
        expiring.ExpiresAt.ShouldBe(expires, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task a_reminder_or_expiry_of_a_replaced_grant_is_stale()
    {
        var (collaboration, _, _, _, owner) = await Api.Collaborating();
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync(
            (Func<Wolverine.IMessageContext, Task>)(_ => Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner,
                new { role = "accountant", expiresAt = DateTimeOffset.UtcNow.AddDays(40) })));
        var oldExpiry = tracked.Scheduled.Envelopes().Single(e => e.Message is ExpireGrant).Message!;
        var oldReminder = tracked.Scheduled.Envelopes().First(e => e.Message is RemindGrantExpiry).Message!;
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant", expiresAt = DateTimeOffset.UtcNow.AddDays(300) });

        App.Clock.Advance(TimeSpan.FromDays(41));
        (await Api.Messages(() => Bus.PublishAsync(oldExpiry).AsTask())).OfType<Contract.AccessGrantEnded>().ShouldBeEmpty();
        (await Api.Messages(() => Bus.PublishAsync(oldReminder).AsTask())).OfType<Contract.AccessGrantExpiring>().ShouldBeEmpty();
        (await Api.GetAs<GrantView>($"/api/v1/collaborations/{collaboration}/access-grant", owner)).Status.ShouldBe("active");
    }

    [Fact]
    public async Task ending_the_collaboration_terminates_the_grant()
    {
        var (collaboration, _, firmAdmin, _, owner) = await Api.Collaborating();
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" });
        var messages = await Api.Messages(() => Api.Post($"/api/v1/collaborations/{collaboration}/end", firmAdmin, new { reason = "Fin.", confirm = true }));
        messages.OfType<Contract.AccessGrantEnded>().ShouldHaveSingleItem().Reason.ShouldBe("terminated");
        var view = await Api.GetAs<GrantView>($"/api/v1/collaborations/{collaboration}/access-grant", owner);
        view.Status.ShouldBe("terminated");
        view.Effective["accounting"].ShouldBe("none");
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "read_only" })).ShouldRefuse("collaboration_ended");
    }

    [Fact]
    public async Task expiry_must_be_ahead_and_within_two_years_and_the_role_from_the_catalog()
    {
        var (collaboration, _, _, _, owner) = await Api.Collaborating();
        var before = await App.EventCountAsync();
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "god_mode" })).ShouldBeInvalid("role");
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "read_only", expiresAt = DateTimeOffset.UtcNow.AddDays(-1) }))
            .ShouldRefuse("expiry_in_the_past");
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "read_only", expiresAt = DateTimeOffset.UtcNow.AddYears(3) }))
            .ShouldRefuse("expiry_beyond_two_years");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task only_the_clients_owners_and_admins_grant_and_outsiders_learn_nothing()
    {
        var (collaboration, partner, firmAdmin, _, owner) = await Api.Collaborating();
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", firmAdmin, new { role = "full_advisor" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", marta, new { role = "full_advisor" })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/collaborations/{collaboration}/access-grant", marta)).ShouldBeProblem(HttpStatusCode.NotFound);
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } }));
        (await Api.Get($"/api/v1/collaborations/{collaboration}/access-grant", marta)).ShouldBe(HttpStatusCode.OK);
        (await Api.Delete($"/api/v1/collaborations/{collaboration}/access-grant", marta)).ShouldBeProblem(HttpStatusCode.Forbidden);
        var stranger = Actor.Person();
        (await Api.Get($"/api/v1/collaborations/{collaboration}/access-grant", stranger)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", stranger, new { role = "read_only" })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Put($"/api/v1/collaborations/{Guid.NewGuid()}/access-grant", owner, new { role = "read_only" })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/collaborations/{collaboration}/access-grant", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task two_grants_at_once_make_one_grant()
    {
        var (collaboration, _, _, _, owner) = await Api.Collaborating();
        var replies = await Task.WhenAll(
            Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" }),
            Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "read_only" }));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.OK || r.Status == HttpStatusCode.Conflict);
        (await App.EventCountAsync("access.access_granted")).ShouldBe(1);
    }

    [Fact]
    public async Task each_grant_write_answers_what_was_committed_as_the_next_read_shows_it()
    {
        var (collaboration, _, firmAdmin, _, owner) = await Api.Collaborating();
        var url = $"/api/v1/collaborations/{collaboration}/access-grant";
        var granted = (await Api.Put(url, owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK);
        granted.As<GrantView>().Since.ShouldNotBeNull().ShouldNotBe(default); // the grant's own time, as its event recorded it
        granted.Body.ShouldBe((await Api.Get(url, firmAdmin)).ShouldBe(HttpStatusCode.OK).Body);

        var changed = (await Api.Put(url, owner, new { role = "read_only", expiresAt = DateTimeOffset.UtcNow.AddDays(90) })).ShouldBe(HttpStatusCode.OK);
        changed.As<GrantView>().Role.ShouldBe("read_only");
        changed.Body.ShouldBe((await Api.Get(url, owner)).Body);
        changed.As<GrantView>().Since.ShouldBe(granted.As<GrantView>().Since);

        var again = (await Api.Put(url, owner, new { role = "read_only", expiresAt = changed.As<GrantView>().ExpiresAt.ShouldNotBeNull() })).ShouldBe(HttpStatusCode.OK);
        again.Body.ShouldBe(changed.Body);
    }

    [Fact]
    public async Task a_removal_and_a_change_at_once_decide_once()
    {
        var (collaboration, _, _, _, owner) = await Api.Collaborating();
        var url = $"/api/v1/collaborations/{collaboration}/access-grant";
        (await Api.Put(url, owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK);
        var replies = await Task.WhenAll(Api.Delete(url, owner), Api.Put(url, owner, new { role = "read_only" }), Api.Delete(url, owner));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.NoContent || r.Status == HttpStatusCode.OK || r.Status == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task a_preview_says_per_section_what_a_role_gives_under_the_clients_plan_and_why_a_section_is_out()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating(); // a "standard" plan: no inventory
        var url = $"/api/v1/collaborations/{collaboration}/access-grant/preview";
        var preview = await Api.GetAs<GrantPreview>($"{url}?role=full_advisor", owner);
        (preview.Role, preview.Plan).ShouldBe(("full_advisor", "standard"));
        preview.Sections.Select(s => s.Section).ShouldBe(Kernel.Catalogs.Sections);
        preview.Sections.Single(s => s.Section == "payroll").ShouldBe(new SectionPreview("payroll", "write", true, "write", null));
        preview.Sections.Single(s => s.Section == "inventory").ShouldBe(new SectionPreview("inventory", "write", false, "none", "plan_excludes_section"));
        var payroll = await Api.GetAs<GrantPreview>($"{url}?role=payroll_advisor", firmAdmin); // the firm reads it too
        payroll.Sections.Single(s => s.Section == "taxes").Reason.ShouldBe("role_level_too_low");
        // The same levels the grant then has: the catalog's own code decides both.
        await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" });
        (await Api.GetAs<GrantView>($"/api/v1/collaborations/{collaboration}/access-grant", owner)).Effective
            .ShouldBe(preview.Sections.ToDictionary(s => s.Section, s => s.Level));
        await Api.SetSubscription(business, "active", "free");
        (await Api.GetAs<GrantPreview>($"{url}?role=full_advisor", owner)).Sections.Single(s => s.Section == "accounting").Reason.ShouldBe("plan_excludes_section");
    }

    [Fact]
    public async Task a_preview_is_refused_without_identity_to_strangers_and_for_an_unknown_role()
    {
        var (collaboration, _, _, _, owner) = await Api.Collaborating();
        var url = $"/api/v1/collaborations/{collaboration}/access-grant/preview";
        (await Api.Get($"{url}?role=accountant", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Get($"{url}?role=accountant", Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/collaborations/{Guid.NewGuid()}/access-grant/preview?role=accountant", owner)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"{url}?role=emperor", owner)).ShouldBeInvalid("role");
        (await Api.Get(url, owner)).ShouldBeInvalid("role");
    }
}
