using Holded.Partners.Kernel;
using Holded.Partners.Access.Audit;
using Holded.Partners.Access.Reviews;
using Wolverine.Tracking;

namespace Holded.Partners.Access.Tests;

/// <summary>
/// A firm's reviews on a schedule: an administrator sets every how many days one starts and its deadline; when one comes
/// due it starts by itself, as one started by hand does, unless one is still open; the next is scheduled either way.
/// </summary>
public class AccessReviewScheduleTests(PartnersApp app) : AppTest(app)
{
    private Wolverine.IMessageBus Bus => Wolverine.HostBuilderExtensions.MessageBus(App.Host);

    private sealed record Firm(Guid Partner, Actor Admin, Actor Other, Actor Manager, Guid Business, Actor Owner);

    private async Task<Firm> Working()
    {
        var (_, partner, admin, business, owner) = await Api.Collaborating();
        var other = await Api.AddMember(partner, admin, "administrator");
        var manager = await Api.AddMember(partner, admin, "account_manager");
        return new Firm(partner, admin, other, manager, business, owner);
    }

    private static string Schedule(Guid partner) => $"/api/v1/partners/{partner}/access-review-schedule";

    /// <summary>Sets the schedule and returns what it answered with the start it scheduled, if any.</summary>
    private async Task<(AccessReviewScheduleView View, StartScheduledAccessReview? Start)> Set(Firm firm, int? every, int? deadline, Actor? by = null)
    {
        Reply reply = null!;
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync(
            (Func<Wolverine.IMessageContext, Task>)(async _ => reply = await Api.Put(Schedule(firm.Partner), by ?? firm.Admin, new { everyDays = every, deadlineDays = deadline })));
        var view = reply.ShouldBe(HttpStatusCode.OK).As<AccessReviewScheduleView>();
        var start = tracked.Scheduled.Envelopes().Where(e => e.Message is StartScheduledAccessReview).SingleOrDefault();
        if (start is not null) start.ScheduledTime!.Value.ShouldBe(view.NextDueAt!.Value, TimeSpan.FromSeconds(1));
        return (view, (StartScheduledAccessReview?)start?.Message);
    }

    /// <summary>Delivers a due start at <paramref name="days"/> from now, and returns the messages it caused.</summary>
    private async Task<IReadOnlyList<object>> DueAfter(double days, StartScheduledAccessReview start)
    {
        App.Clock.Advance(TimeSpan.FromDays(days));
        try { return await Api.Messages(() => Bus.PublishAsync(start).AsTask()); }
        finally { App.Clock.Offset = TimeSpan.Zero; }
    }

    private async Task<IReadOnlyList<ReviewSummary>> Reviews(Firm firm) =>
        (await Api.GetAs<Page<ReviewSummary>>($"/api/v1/partners/{firm.Partner}/access-reviews", firm.Admin)).Items;

    [Fact]
    public async Task an_administrator_sets_reads_and_stops_the_schedule()
    {
        var firm = await Working();
        (await Api.GetAs<AccessReviewScheduleView>(Schedule(firm.Partner), firm.Other)).EveryDays.ShouldBeNull();

        var (view, start) = await Set(firm, 90, 14);
        view.ShouldSatisfyAllConditions(v => v.EveryDays.ShouldBe(90), v => v.DeadlineDays.ShouldBe(14));
        view.NextDueAt!.Value.ShouldBe(App.Clock.GetUtcNow().AddDays(90), TimeSpan.FromMinutes(1));
        start.ShouldNotBeNull().DueAt.ShouldBe(view.NextDueAt.Value);
        (await Api.GetAs<AccessReviewScheduleView>(Schedule(firm.Partner), firm.Other)).ShouldBe(view);

        // Saying it again records nothing and schedules nothing.
        var before = await App.EventCountAsync();
        (await Set(firm, 90, 14, firm.Other)).Start.ShouldBeNull();
        (await App.EventCountAsync()).ShouldBe(before);

        var (stopped, none) = await Set(firm, null, null);
        none.ShouldBeNull();
        stopped.ShouldSatisfyAllConditions(v => v.EveryDays.ShouldBeNull(), v => v.NextDueAt.ShouldBeNull());

        var trail = (await Api.Get($"/api/v1/audit/access?partnerAccountId={firm.Partner}&type={AuditTypes.ReviewScheduleChanged}", firm.Admin))
            .ShouldBe(HttpStatusCode.OK).As<AuditPage>().Items;
        trail.Select(e => e.Reason).ShouldBe(["reviews_not_scheduled", "reviews_every_90_days"]);
        trail.ShouldAllBe(e => e.Actor == firm.Admin.UserId);
    }

    [Theory]
    [InlineData(29, 7, "everyDays")]
    [InlineData(366, 7, "everyDays")]
    [InlineData(90, null, "deadlineDays")]
    [InlineData(90, 0, "deadlineDays")]
    [InlineData(90, 31, "deadlineDays")]
    [InlineData(null, 7, "deadlineDays")]
    public async Task a_schedule_out_of_bounds_is_refused_and_nothing_is_stored(int? every, int? deadline, string field)
    {
        var firm = await Working();
        var before = await App.EventCountAsync();
        (await Api.Put(Schedule(firm.Partner), firm.Admin, new { everyDays = every, deadlineDays = deadline })).ShouldBeInvalid(field);
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_deadline_that_reaches_the_next_review_is_refused()
    {
        var firm = await Working();
        var before = await App.EventCountAsync();
        (await Api.Put(Schedule(firm.Partner), firm.Admin, new { everyDays = 30, deadlineDays = 30 })).ShouldRefuse("deadline_not_before_next");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task only_the_firms_administrators_read_and_set_it()
    {
        var firm = await Working();
        var body = new { everyDays = 90, deadlineDays = 14 };
        (await Api.Put(Schedule(firm.Partner), null, body)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Get(Schedule(firm.Partner), null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Put(Schedule(firm.Partner), firm.Manager, body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get(Schedule(firm.Partner), firm.Manager)).ShouldBeProblem(HttpStatusCode.Forbidden);
        var stranger = Actor.Person("Another Firm Admin");
        await Api.RegisterFirm(stranger);
        foreach (var outsider in new[] { stranger, firm.Owner })
        {
            (await Api.Put(Schedule(firm.Partner), outsider, body)).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Api.Get(Schedule(firm.Partner), outsider)).ShouldBeProblem(HttpStatusCode.NotFound);
        }
        (await Api.Put(Schedule(firm.Business), firm.Owner, body)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Put(Schedule(Guid.NewGuid()), firm.Admin, body)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.GetAs<AccessReviewScheduleView>(Schedule(firm.Partner), firm.Admin)).EveryDays.ShouldBeNull();
    }

    [Fact]
    public async Task two_administrators_setting_it_at_once_never_meet_in_a_server_error()
    {
        var firm = await Working();
        var replies = await Api.Settled(() => Task.WhenAll(
            Api.Put(Schedule(firm.Partner), firm.Admin, new { everyDays = 90, deadlineDays = 14 }),
            Api.Put(Schedule(firm.Partner), firm.Other, new { everyDays = 180, deadlineDays = 7 })));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.OK || r.Status == HttpStatusCode.Conflict);
        replies.ShouldContain(r => r.Status == HttpStatusCode.OK);
        (await App.EventCountAsync("access.access_review_schedule_set")).ShouldBe(replies.Count(r => r.Status == HttpStatusCode.OK));
    }

    [Fact]
    public async Task when_due_a_review_starts_by_itself_the_administrators_are_told_and_the_next_is_scheduled()
    {
        var firm = await Working();
        var (_, start) = await Set(firm, 90, 14);

        // Delivered early, it waits for its time.
        (await Api.Messages(() => Bus.PublishAsync(start!).AsTask())).OfType<CloseAccessReview>().ShouldBeEmpty();
        (await Reviews(firm)).ShouldBeEmpty();

        var caused = await DueAfter(91, start!);
        var next = caused.OfType<StartScheduledAccessReview>().Where(m => m.DueAt > start!.DueAt).ShouldHaveSingleItem();
        next.DueAt.ShouldBe(start!.DueAt.AddDays(90));
        caused.OfType<CloseAccessReview>().ShouldHaveSingleItem();

        var review = (await Reviews(firm)).ShouldHaveSingleItem();
        var started = await Api.GetAs<AccessReview>($"/api/v1/access-reviews/{review.Id}", firm.Admin);
        started.ShouldSatisfyAllConditions(r => r.Scheduled.ShouldBeTrue(), r => r.StartedBy.ShouldBe(AuditEntries.System), r => r.Status.ShouldBe("open"));
        started.Lines.Count(l => l.Kind == ReviewLineKinds.Role).ShouldBe(3);

        // Every administrator is told, in the inbox, with the way to the review's page; the account manager is not.
        foreach (var admin in new[] { firm.Admin, firm.Other })
        {
            var told = (await Api.GetAs<Notifications.Inbox.InboxPage>("/api/v1/notifications", admin)).Items.Single(i => i.Kind == "access_review_started");
            told.Text.ShouldContain("revisión de accesos programada");
            Notifications.Web.InboxPage.PortalLink(told).ShouldBe($"/firms/{firm.Partner}/access-reviews/{review.Id}");
        }
        (await Api.Get("/api/v1/notifications", firm.Manager)).Body.ShouldNotContain("access_review_started");

        var schedule = await Api.GetAs<AccessReviewScheduleView>(Schedule(firm.Partner), firm.Admin);
        schedule.ShouldSatisfyAllConditions(s => s.LastReviewId.ShouldBe(review.Id), s => s.NextDueAt.ShouldBe(next.DueAt), s => s.LastSkippedBecause.ShouldBeNull());
        var entry = (await Api.Get($"/api/v1/audit/access?partnerAccountId={firm.Partner}&type={AuditTypes.ReviewStarted}", firm.Admin)).As<AuditPage>().Items.ShouldHaveSingleItem();
        entry.ShouldSatisfyAllConditions(e => e.Actor.ShouldBe(AuditEntries.System), e => e.Reason.ShouldBe($"scheduled:{started.Lines.Count}_lines"));

        // Delivered again, it changes nothing.
        var before = await App.EventCountAsync();
        (await DueAfter(91, start)).OfType<CloseAccessReview>().ShouldBeEmpty();
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_review_still_open_when_the_next_comes_due_is_not_doubled()
    {
        var firm = await Working();
        (await Api.Post($"/api/v1/partners/{firm.Partner}/access-reviews", firm.Admin, new { deadlineDays = 30 })).ShouldBe(HttpStatusCode.Created);
        var (_, start) = await Set(firm, 30, 7);
        var caused = await DueAfter(31, start!);
        caused.OfType<CloseAccessReview>().ShouldBeEmpty();
        caused.OfType<StartScheduledAccessReview>().ShouldContain(m => m.DueAt == start!.DueAt.AddDays(30));
        (await Reviews(firm)).ShouldHaveSingleItem();
        (await Api.GetAs<AccessReviewScheduleView>(Schedule(firm.Partner), firm.Admin)).LastSkippedBecause.ShouldBe("access_review_open");
    }

    [Fact]
    public async Task a_start_of_a_schedule_since_changed_or_stopped_does_nothing()
    {
        var firm = await Working();
        var (_, first) = await Set(firm, 90, 14);
        var (_, second) = await Set(firm, 60, 14);
        second!.Generation.ShouldBe(first!.Generation + 1);
        var before = await App.EventCountAsync();
        (await DueAfter(91, first)).OfType<CloseAccessReview>().ShouldBeEmpty();
        (await App.EventCountAsync()).ShouldBe(before);

        await Set(firm, null, null);
        before = await App.EventCountAsync();
        (await DueAfter(61, second)).OfType<CloseAccessReview>().ShouldBeEmpty();
        (await App.EventCountAsync()).ShouldBe(before);
        (await Reviews(firm)).ShouldBeEmpty();
    }

    [Fact]
    public async Task after_a_long_outage_the_next_review_is_counted_from_now()
    {
        var firm = await Working();
        var (_, start) = await Set(firm, 30, 7);
        var caused = await DueAfter(100, start!);
        var next = caused.OfType<StartScheduledAccessReview>().Single(m => m.DueAt > start!.DueAt);
        next.DueAt.ShouldBe(App.Clock.GetUtcNow().AddDays(130), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task a_new_deadline_alone_keeps_the_review_already_due_and_saving_a_stalled_schedule_restarts_it()
    {
        var firm = await Working();
        var (first, start) = await Set(firm, 90, 14);
        var (kept, again) = await Set(firm, 90, 10);
        kept.NextDueAt.ShouldBe(first.NextDueAt);
        again.ShouldNotBeNull().ShouldSatisfyAllConditions(m => m.DueAt.ShouldBe(start!.DueAt), m => m.Generation.ShouldBe(start!.Generation + 1));

        // Its time passed and no start was handled: saving the same again restarts it.
        App.Clock.Advance(TimeSpan.FromDays(100));
        try
        {
            var (restarted, next) = await Set(firm, 90, 10);
            restarted.NextDueAt!.Value.ShouldBe(App.Clock.GetUtcNow().AddDays(90), TimeSpan.FromMinutes(1));
            next.ShouldNotBeNull();
        }
        finally { App.Clock.Offset = TimeSpan.Zero; }
    }

    [Fact]
    public async Task the_schedules_rebuilt_from_their_events_equal_the_live_ones()
    {
        var firm = await Working();
        var (_, start) = await Set(firm, 30, 7);
        await DueAfter(31, start!);
        await Set(firm, 45, 10);
        await App.ShouldRebuildIdentically<AccessReviewSchedule>(typeof(AccessReviewSchedule));
    }
}
