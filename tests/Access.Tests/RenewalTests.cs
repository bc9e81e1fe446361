using Holded.Partners.Access.Audit;
using Holded.Partners.Access.Grants;
using Wolverine.Tracking;
using Contract = Holded.Partners.Contracts.Access;

namespace Holded.Partners.Access.Tests;

/// <summary>Issue 16, capability 5: a grant the client set to renew itself renews at its expiry instead of expiring.</summary>
public class RenewalTests(PartnersApp app) : AppTest(app)
{
    private Wolverine.IMessageBus Bus => Wolverine.HostBuilderExtensions.MessageBus(App.Host);
    private static string Grant(Guid collaboration) => $"/api/v1/collaborations/{collaboration}/access-grant";

    private async Task<List<Wolverine.Envelope>> Scheduling(Func<Task> action)
    {
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => action()));
        return tracked.Scheduled.Envelopes().ToList();
    }

    [Fact]
    public async Task at_its_expiry_a_renewing_grant_renews_by_its_period_and_schedules_the_next_one()
    {
        var (collaboration, _, firmAdmin, business, owner) = await Api.Collaborating();
        var expires = App.Clock.GetUtcNow().AddDays(10);
        var scheduled = await Scheduling(async () =>
            (await Api.Put(Grant(collaboration), owner, new { role = "accountant", expiresAt = expires, renewEvery = 180 })).ShouldBe(HttpStatusCode.OK)
                .As<GrantView>().RenewEvery.ShouldBe(180));
        var expiry = (ExpireGrant)scheduled.Single(e => e.Message is ExpireGrant).Message!;
        scheduled.Where(e => e.Message is RemindGrantExpiry).ShouldNotBeEmpty();

        App.Clock.Advance(TimeSpan.FromDays(10).Add(TimeSpan.FromMinutes(1)));
        var next = await Scheduling(() => Bus.PublishAsync(expiry).AsTask());
        next.Select(e => e.Message).OfType<ExpireGrant>().ShouldHaveSingleItem().Generation.ShouldBe(expiry.Generation + 1);
        next.Single(e => e.Message is ExpireGrant).ScheduledTime!.Value.ShouldBe(expires.AddDays(180), TimeSpan.FromMilliseconds(1));
        var view = await Api.GetAs<GrantView>(Grant(collaboration), firmAdmin);
        view.Status.ShouldBe("active");
        view.ExpiresAt.ShouldNotBeNull().ShouldBe(expires.AddDays(180), TimeSpan.FromMilliseconds(1));

        // Delivered again, the old expiry is stale: one renewal.
        (await Api.Messages(() => Bus.PublishAsync(expiry).AsTask())).OfType<Contract.AccessGrantEnded>().ShouldBeEmpty();
        (await App.EventCountAsync("access.access_renewed")).ShouldBe(1);
        var entry = (await Api.Get($"/api/v1/audit/access?clientAccountId={business}", owner)).As<AuditPage>().Items.Single(e => e.Type == AuditTypes.GrantRenewed);
        entry.Actor.ShouldBe(AuditEntries.System);
        // A renewing grant is not about to end: its reminders stay silent.
        var reminder = (RemindGrantExpiry)next.First(e => e.Message is RemindGrantExpiry).Message!;
        (await Api.Messages(() => Bus.PublishAsync(reminder).AsTask())).OfType<Contract.AccessGrantExpiring>().ShouldBeEmpty();
    }

    [Fact]
    public async Task turned_off_it_expires_and_with_the_collaboration_ended_it_does_not_renew()
    {
        var (collaboration, _, firmAdmin, _, owner) = await Api.Collaborating();
        var expires = App.Clock.GetUtcNow().AddDays(10);
        var scheduled = await Scheduling(() => Api.Put(Grant(collaboration), owner, new { role = "accountant", expiresAt = expires, renewEvery = 90 }));
        var expiry = scheduled.Single(e => e.Message is ExpireGrant).Message!;
        // Turned off (same role and expiry: the scheduled expiry stays in force).
        (await Api.Put(Grant(collaboration), owner, new { role = "accountant", expiresAt = expires })).ShouldBe(HttpStatusCode.OK).As<GrantView>().RenewEvery.ShouldBeNull();
        App.Clock.Advance(TimeSpan.FromDays(11));
        (await Api.Messages(() => Bus.PublishAsync(expiry).AsTask())).OfType<Contract.AccessGrantEnded>().ShouldHaveSingleItem().Reason.ShouldBe("expired");
        (await App.EventCountAsync("access.access_renewed")).ShouldBe(0);

        var (other, _, otherAdmin, _, otherOwner) = await Api.Collaborating();
        var otherScheduled = await Scheduling(() => Api.Put(Grant(other), otherOwner, new { role = "accountant", expiresAt = App.Clock.GetUtcNow().AddDays(10), renewEvery = 90 }));
        await Api.Settled(() => Api.Post($"/api/v1/collaborations/{other}/end", otherAdmin, new { reason = "Fin.", confirm = true }));
        App.Clock.Advance(TimeSpan.FromDays(11));
        await Api.Messages(() => Bus.PublishAsync(otherScheduled.Single(e => e.Message is ExpireGrant).Message!).AsTask());
        (await App.EventCountAsync("access.access_renewed")).ShouldBe(0);
        (await Api.GetAs<GrantView>(Grant(other), otherOwner)).Status.ShouldBe("terminated");
    }

    [Fact]
    public async Task a_renewal_needs_an_expiry_and_a_period_from_30_to_365_days()
    {
        var (collaboration, _, _, _, owner) = await Api.Collaborating();
        var before = await App.EventCountAsync();
        (await Api.Put(Grant(collaboration), owner, new { role = "accountant", expiresAt = App.Clock.GetUtcNow().AddDays(10), renewEvery = 5 })).ShouldBeInvalid("renewEvery");
        (await Api.Put(Grant(collaboration), owner, new { role = "accountant", expiresAt = App.Clock.GetUtcNow().AddDays(10), renewEvery = 366 })).ShouldBeInvalid("renewEvery");
        (await Api.Put(Grant(collaboration), owner, new { role = "accountant", renewEvery = 90 })).ShouldRefuse("renewal_without_expiry");
        (await App.EventCountAsync()).ShouldBe(before);
    }
}
