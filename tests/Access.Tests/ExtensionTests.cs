using Holded.Partners.Access.Audit;
using Holded.Partners.Access.Grants;
using Contract = Holded.Partners.Contracts.Access;

namespace Holded.Partners.Access.Tests;

/// <summary>Issue 16, capability 5: the firm asks for its access to last longer, the client approves or declines it.</summary>
public class ExtensionTests(PartnersApp app) : AppTest(app)
{
    private static string Grant(Guid collaboration) => $"/api/v1/collaborations/{collaboration}/access-grant";
    private static string Requests(Guid collaboration) => $"{Grant(collaboration)}/extension-requests";

    private async Task<(Guid Collaboration, Guid Partner, Actor FirmAdmin, Guid Business, Actor Owner, DateTimeOffset Expires)> Expiring(int days = 20)
    {
        var (collaboration, partner, firmAdmin, business, owner) = await Api.Collaborating();
        var expires = App.Clock.GetUtcNow().AddDays(days);
        (await Api.Put(Grant(collaboration), owner, new { role = "accountant", expiresAt = expires })).ShouldBe(HttpStatusCode.OK);
        return (collaboration, partner, firmAdmin, business, owner, expires);
    }

    [Fact]
    public async Task the_firm_asks_and_the_client_approves_in_one_click_so_the_expiry_and_its_schedule_move()
    {
        var (collaboration, _, firmAdmin, business, owner, expires) = await Expiring();
        var wanted = expires.AddDays(90);
        var asked = await Api.Messages(async () =>
        {
            var view = (await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = wanted })).ShouldBe(HttpStatusCode.OK).As<GrantView>();
            view.PendingExtension.ShouldNotBeNull().ExpiresAt.ShouldBe(wanted, TimeSpan.FromMilliseconds(1));
            view.ExpiresAt.ShouldNotBeNull().ShouldBe(expires, TimeSpan.FromMilliseconds(1)); // nothing moves until the client says so
        });
        asked.OfType<Contract.AccessExtensionRequested>().ShouldHaveSingleItem().ExpiresAt.ShouldBe(wanted, TimeSpan.FromMilliseconds(1));
        var request = (await Api.GetAs<GrantView>(Grant(collaboration), owner)).PendingExtension.ShouldNotBeNull();

        var approved = await Api.Messages(async () =>
        {
            var view = (await Api.Post($"{Requests(collaboration)}/{request.Id}/approve", owner)).ShouldBe(HttpStatusCode.OK).As<GrantView>();
            view.ExpiresAt.ShouldNotBeNull().ShouldBe(wanted, TimeSpan.FromMilliseconds(1));
            view.PendingExtension.ShouldBeNull();
        });
        approved.OfType<Contract.AccessExtensionAnswered>().ShouldHaveSingleItem().Approved.ShouldBeTrue();

        // The old expiry is stale: past it, access still works; past the new one, it does not.
        App.Clock.Advance(TimeSpan.FromDays(30));
        (await Api.GetAs<GrantView>(Grant(collaboration), firmAdmin)).Status.ShouldBe("active");
        App.Clock.Advance(TimeSpan.FromDays(90));
        (await Api.GetAs<GrantView>(Grant(collaboration), firmAdmin)).Status.ShouldBe("expired");

        var trail = (await Api.Get($"/api/v1/audit/access?clientAccountId={business}", owner)).ShouldBe(HttpStatusCode.OK).As<AuditPage>().Items;
        trail.Select(e => e.Type).ShouldContain(AuditTypes.ExtensionRequested);
        var extended = trail.Single(e => e.Type == AuditTypes.GrantExtended);
        extended.Actor.ShouldBe(owner.UserId);
        extended.ExpiresAt.ShouldNotBeNull().ShouldBe(wanted, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task an_approval_schedules_the_new_expiry_and_the_old_one_finds_the_grant_renewed()
    {
        var (collaboration, _, firmAdmin, _, owner, expires) = await Expiring(40);
        await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = expires.AddDays(100) });
        var request = (await Api.GetAs<GrantView>(Grant(collaboration), owner)).PendingExtension!;
        var tracked = await Wolverine.Tracking.WolverineHostMessageTrackingExtensions.TrackActivity(App.Host).Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync(
            (Func<Wolverine.IMessageContext, Task>)(_ => Api.Post($"{Requests(collaboration)}/{request.Id}/approve", owner)));
        var scheduled = tracked.Scheduled.Envelopes().ToList();
        scheduled.Single(e => e.Message is ExpireGrant).ScheduledTime!.Value.ShouldBe(expires.AddDays(100), TimeSpan.FromMilliseconds(1));
        scheduled.Select(e => e.Message).OfType<RemindGrantExpiry>().Select(r => r.Days).Order().ShouldBe([1, 7, 30]);
        var bus = Wolverine.HostBuilderExtensions.MessageBus(App.Host);
        App.Clock.Advance(TimeSpan.FromDays(41));
        (await Api.Messages(() => bus.PublishAsync(new ExpireGrant(collaboration, 1)).AsTask())).OfType<Contract.AccessGrantEnded>().ShouldBeEmpty();
        (await Api.GetAs<GrantView>(Grant(collaboration), owner)).Status.ShouldBe("active");
    }

    [Fact]
    public async Task the_client_declines_and_the_grant_expires_when_it_was_to()
    {
        var (collaboration, _, firmAdmin, business, owner, expires) = await Expiring();
        await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = expires.AddDays(30) });
        var request = (await Api.GetAs<GrantView>(Grant(collaboration), owner)).PendingExtension!;
        var declined = await Api.Messages(async () =>
            (await Api.Post($"{Requests(collaboration)}/{request.Id}/decline", owner)).ShouldBe(HttpStatusCode.OK).As<GrantView>().ExpiresAt.ShouldNotBeNull().ShouldBe(expires, TimeSpan.FromMilliseconds(1)));
        declined.OfType<Contract.AccessExtensionAnswered>().ShouldHaveSingleItem().Approved.ShouldBeFalse();
        (await Api.Post($"{Requests(collaboration)}/{request.Id}/approve", owner)).ShouldBeProblem(HttpStatusCode.Conflict);
        // The firm may ask again.
        (await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = expires.AddDays(10) })).ShouldBe(HttpStatusCode.OK);
        var trail = (await Api.Get($"/api/v1/audit/access?clientAccountId={business}", owner)).As<AuditPage>().Items;
        trail.Count(e => e.Type == AuditTypes.ExtensionDeclined).ShouldBe(1);
    }

    [Fact]
    public async Task a_request_is_refused_without_an_expiry_once_expired_when_one_waits_and_beyond_a_year()
    {
        var (collaboration, _, firmAdmin, _, owner) = await Api.Collaborating();
        var now = App.Clock.GetUtcNow();
        (await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = now.AddDays(30) })).ShouldRefuse("no_grant_in_force");
        await Api.Put(Grant(collaboration), owner, new { role = "accountant" });
        (await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = now.AddDays(30) })).ShouldRefuse("grant_without_expiry");

        await Api.Put(Grant(collaboration), owner, new { role = "accountant", expiresAt = now.AddDays(20) });
        (await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = now.AddDays(10) })).ShouldRefuse("extension_not_later");
        (await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = now.AddDays(400) })).ShouldRefuse("extension_beyond_a_year");
        (await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = now.AddDays(60) })).ShouldBe(HttpStatusCode.OK);
        (await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = now.AddDays(90) })).ShouldRefuse("extension_already_pending");

        // Past its expiry the grant stays expired: no request, and the view shows none waiting.
        App.Clock.Advance(TimeSpan.FromDays(21));
        (await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = App.Clock.GetUtcNow().AddDays(30) })).ShouldRefuse("grant_expired");
        (await Api.GetAs<GrantView>(Grant(collaboration), owner)).PendingExtension.ShouldBeNull();
    }

    [Fact]
    public async Task an_approval_past_the_expiry_is_refused_and_the_clients_own_change_withdraws_the_request()
    {
        var (collaboration, _, firmAdmin, _, owner, expires) = await Expiring(5);
        await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = expires.AddDays(30) });
        var requestId = (await Api.GetAs<GrantView>(Grant(collaboration), owner)).PendingExtension!.Id;
        App.Clock.Advance(TimeSpan.FromDays(6));
        (await Api.Post($"{Requests(collaboration)}/{requestId}/approve", owner)).ShouldRefuse("grant_expired");
        App.Clock.Offset = TimeSpan.Zero;

        (await Api.Put(Grant(collaboration), owner, new { role = "accountant", expiresAt = expires.AddDays(60) })).ShouldBe(HttpStatusCode.OK)
            .As<GrantView>().PendingExtension.ShouldBeNull();
        (await Api.Post($"{Requests(collaboration)}/{requestId}/approve", owner)).ShouldBeProblem(HttpStatusCode.Conflict)
            .Json!["code"]!.GetValue<string>().ShouldBe("extension_request_not_pending");
    }

    [Fact]
    public async Task bad_input_is_refused_and_nothing_is_stored()
    {
        var (collaboration, _, firmAdmin, _, _, _) = await Expiring();
        var before = await App.EventCountAsync();
        (await Api.Post(Requests(collaboration), firmAdmin, new { })).ShouldBeInvalid("expiresAt");
        (await Api.Send(HttpMethod.Post, Requests(collaboration), firmAdmin, rawBody: "{\"expiresAt\":\"soon\"}")).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = App.Clock.GetUtcNow().AddDays(60), reason = new string('x', 501) })).ShouldBeInvalid("reason");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task the_reason_and_the_person_who_asked_reach_the_client()
    {
        var (collaboration, _, firmAdmin, business, owner, expires) = await Expiring();
        await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = expires.AddDays(60), reason = "  Cierre del ejercicio  " });
        (await Api.GetAs<GrantView>(Grant(collaboration), owner)).PendingExtension.ShouldNotBeNull().Reason.ShouldBe("Cierre del ejercicio");
        var waiting = (await Api.GetAs<PendingExtensionView[]>($"/api/v1/clients/{business}/extension-requests", owner)).ShouldHaveSingleItem();
        (waiting.Request.Reason, waiting.RequestedByName).ShouldBe(("Cierre del ejercicio", firmAdmin.Name));
    }

    [Fact]
    public async Task only_the_firms_administrators_ask_only_the_clients_managers_answer_and_outsiders_learn_nothing()
    {
        var (collaboration, partner, firmAdmin, _, owner, expires) = await Expiring();
        var body = new { expiresAt = expires.AddDays(30) };
        var marta = await Api.AddMember(partner, firmAdmin, "account_manager");
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", firmAdmin, new { userIds = new[] { marta.UserId } }));
        (await Api.Post(Requests(collaboration), null, body)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Post(Requests(collaboration), Actor.Person(), body)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post($"/api/v1/collaborations/{Guid.NewGuid()}/access-grant/extension-requests", firmAdmin, body)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Post(Requests(collaboration), owner, body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post(Requests(collaboration), marta, body)).ShouldBeProblem(HttpStatusCode.Forbidden);

        await Api.Post(Requests(collaboration), firmAdmin, body);
        var request = (await Api.GetAs<GrantView>(Grant(collaboration), owner)).PendingExtension!;
        foreach (var answer in new[] { "approve", "decline" })
        {
            var url = $"{Requests(collaboration)}/{request.Id}/{answer}";
            (await Api.Post(url, null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
            (await Api.Post(url, Actor.Person())).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Api.Post(url, firmAdmin)).ShouldBeProblem(HttpStatusCode.Forbidden);
            (await Api.Post(url, marta)).ShouldBeProblem(HttpStatusCode.Forbidden);
        }
        (await Api.GetAs<GrantView>(Grant(collaboration), owner)).PendingExtension.ShouldNotBeNull();
    }

    [Fact]
    public async Task two_approvals_of_one_request_at_once_extend_once()
    {
        var (collaboration, _, firmAdmin, _, owner, expires) = await Expiring();
        await Api.Post(Requests(collaboration), firmAdmin, new { expiresAt = expires.AddDays(30) });
        var request = (await Api.GetAs<GrantView>(Grant(collaboration), owner)).PendingExtension!;
        var url = $"{Requests(collaboration)}/{request.Id}/approve";
        var replies = await Task.WhenAll(Api.Post(url, owner), Api.Post(url, owner));
        replies.Select(r => r.Status).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        replies.Single(r => r.Status == HttpStatusCode.Conflict).ShouldBeProblem(HttpStatusCode.Conflict);
        (await App.EventCountAsync("access.access_extended")).ShouldBe(1);
    }
}
