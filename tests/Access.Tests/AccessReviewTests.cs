using Holded.Partners.Access.Audit;
using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.Reviews;
using Holded.Partners.Access.Sessions;
using Holded.Partners.Kernel;
using Wolverine.Tracking;
using CollaborationView = Holded.Partners.Collaboration.Collaborations.CollaborationView;
using TeamMember = Holded.Partners.Onboarding.Team.TeamMember;
using Contract = Holded.Partners.Contracts.Access;

namespace Holded.Partners.Access.Tests;

/// <summary>
/// A firm's access review: one line per member's role and per assignment to a client, kept or removed by the firm's
/// administrators; completed early once all are decided, or at the deadline, where what is not confirmed is removed.
/// The removals reach the modules that own them, and the record is in the audit trail and downloadable.
/// </summary>
public class AccessReviewTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.access.check");
    private Wolverine.IMessageBus Bus => Wolverine.HostBuilderExtensions.MessageBus(App.Host);

    private sealed record Firm(Guid Partner, Actor Admin, Actor Other, Actor Manager, Guid Collaboration, Guid Business, Actor Owner, string Token);

    /// <summary>A firm of two administrators and an account manager assigned to its one client, in a session there.</summary>
    private async Task<Firm> Working()
    {
        var (collaboration, partner, admin, business, owner) = await Api.Collaborating();
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" })).ShouldBe(HttpStatusCode.OK);
        var other = await Api.AddMember(partner, admin, "administrator");
        var manager = await Api.AddMember(partner, admin, "account_manager");
        await Api.Settled(async () => (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", admin, new { userIds = new[] { manager.UserId } }))
            .ShouldBe(HttpStatusCode.OK));
        var token = (await Api.Post("/api/v1/access/sessions", manager, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created).As<SessionTicket>().Token;
        return new Firm(partner, admin, other, manager, collaboration, business, owner, token);
    }

    private static string Reviews(Guid partner) => $"/api/v1/partners/{partner}/access-reviews";

    /// <summary>Starts a review and returns it with the deadline message it scheduled.</summary>
    private async Task<(AccessReview Review, CloseAccessReview Close)> Start(Firm firm, int days = 14, Actor? by = null)
    {
        Reply reply = null!;
        var tracked = await App.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync(
            (Func<Wolverine.IMessageContext, Task>)(async _ => reply = await Api.Post(Reviews(firm.Partner), by ?? firm.Admin, new { deadlineDays = days })));
        reply.ShouldBe(HttpStatusCode.Created);
        reply.Headers.Location!.ToString().ShouldBe($"/api/v1/access-reviews/{reply.Id}");
        var close = tracked.Scheduled.Envelopes().Single(e => e.Message is CloseAccessReview);
        close.ScheduledTime!.Value.ShouldBe(App.Clock.GetUtcNow().AddDays(days), TimeSpan.FromMinutes(1));
        return (await Review(reply.Id, by ?? firm.Admin), (CloseAccessReview)close.Message!);
    }

    private Task<AccessReview> Review(Guid id, Actor who) => Api.GetAs<AccessReview>($"/api/v1/access-reviews/{id}", who);

    private static ReviewLine Line(AccessReview review, Actor member, string kind) => review.Lines.Single(l => l.UserId == member.UserId && l.Kind == kind);

    private Task<Reply> Decide(AccessReview review, Actor who, params (ReviewLine Line, string Decision)[] decisions) =>
        Api.Post($"/api/v1/access-reviews/{review.Id}/decisions", who, new { decisions = decisions.Select(d => new { lineId = d.Line.LineId, decision = d.Decision }) });

    private async Task<Decision> Check(Actor member, Guid business) =>
        (await Api.Post("/api/v1/access/check", Erp, new { userId = member.UserId, clientAccountId = business, section = "accounting", action = "read" }))
        .ShouldBe(HttpStatusCode.OK).As<Decision>();

    private async Task<string[]> Trail(Firm firm) =>
        (await Api.Get($"/api/v1/audit/access?partnerAccountId={firm.Partner}", firm.Admin)).ShouldBe(HttpStatusCode.OK).As<AuditPage>().Items.Select(i => i.Type).ToArray();

    [Fact]
    public async Task a_review_lists_each_members_role_and_each_assignment_to_a_client()
    {
        var firm = await Working();
        var (review, _) = await Start(firm);
        review.Status.ShouldBe("open");
        review.StartedBy.ShouldBe(firm.Admin.UserId);
        review.Lines.Count(l => l.Kind == ReviewLineKinds.Role).ShouldBe(3);
        var assignment = review.Lines.Where(l => l.Kind == ReviewLineKinds.Assignment).ShouldHaveSingleItem();
        assignment.UserId.ShouldBe(firm.Manager.UserId);
        assignment.CollaborationId.ShouldBe(firm.Collaboration);
        assignment.ClientAccountId.ShouldBe(firm.Business);
        assignment.ClientName.ShouldBe("Panadería Sol SL");
        Line(review, firm.Other, ReviewLineKinds.Role).Role.ShouldBe("administrator");
        review.Lines.ShouldAllBe(l => l.Decision == null && l.Outcome == null);

        var listed = await Api.GetAs<Page<ReviewSummary>>(Reviews(firm.Partner), firm.Admin);
        listed.Items.ShouldHaveSingleItem().Undecided.ShouldBe(4);
        (await Trail(firm)).ShouldContain(AuditTypes.ReviewStarted);
    }

    [Fact]
    public async Task only_one_review_is_open_at_a_time()
    {
        var firm = await Working();
        await Start(firm);
        var before = await App.EventCountAsync();
        (await Api.Post(Reviews(firm.Partner), firm.Other, new { deadlineDays = 7 })).ShouldBeProblem(HttpStatusCode.Conflict)["code"].GetValue<string>()
            .ShouldBe("access_review_open");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(31)]
    public async Task a_deadline_outside_one_to_thirty_days_is_refused_and_nothing_is_stored(int? days)
    {
        var firm = await Working();
        var before = await App.EventCountAsync();
        (await Api.Post(Reviews(firm.Partner), firm.Admin, new { deadlineDays = days })).ShouldBeInvalid("deadlineDays");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task malformed_decisions_are_refused_and_nothing_is_stored()
    {
        var firm = await Working();
        var (review, _) = await Start(firm);
        var url = $"/api/v1/access-reviews/{review.Id}/decisions";
        var line = Line(review, firm.Manager, ReviewLineKinds.Role).LineId;
        var before = await App.EventCountAsync();
        (await Api.Post(url, firm.Admin, new { decisions = new[] { new { lineId = line, decision = "maybe" } } })).ShouldBeInvalid("decisions[0].decision");
        (await Api.Post(url, firm.Admin, new { decisions = new[] { new { lineId = Guid.NewGuid(), decision = "keep" } } })).ShouldBeInvalid("decisions[0].lineId");
        (await Api.Post(url, firm.Admin, new { decisions = Array.Empty<object>() })).ShouldBeInvalid("decisions");
        (await Api.Post(url, firm.Admin, new { decisions = new[] { new { lineId = line, decision = "keep" }, new { lineId = line, decision = "remove" } } }))
            .ShouldBeInvalid("decisions");
        (await App.EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task only_the_firms_administrators_start_read_and_decide()
    {
        var firm = await Working();
        var (review, _) = await Start(firm);
        var stranger = Actor.Person("Another Firm Admin");
        var otherFirm = await Api.RegisterFirm(stranger);
        var url = $"/api/v1/access-reviews/{review.Id}";
        var line = Line(review, firm.Manager, ReviewLineKinds.Role);

        (await Api.Post(Reviews(firm.Partner), null, new { deadlineDays = 7 })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Get(url, null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        // A member who is not an administrator is told so.
        (await Api.Post(Reviews(firm.Partner), firm.Manager, new { deadlineDays = 7 })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get(url, firm.Manager)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Decide(review, firm.Manager, (line, "keep"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Post($"{url}/complete", firm.Manager)).ShouldBeProblem(HttpStatusCode.Forbidden);
        // Another firm's administrator, and the client's owner, learn nothing.
        foreach (var outsider in new[] { stranger, firm.Owner })
        {
            (await Api.Post(Reviews(firm.Partner), outsider, new { deadlineDays = 7 })).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Api.Get(url, outsider)).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Api.Get(Reviews(firm.Partner), outsider)).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Decide(review, outsider, (line, "remove"))).ShouldBeProblem(HttpStatusCode.NotFound);
            (await Api.Post($"{url}/complete", outsider)).ShouldBeProblem(HttpStatusCode.NotFound);
        }
        // A business has no access reviews: its owner is told there is no such firm.
        (await Api.Post(Reviews(firm.Business), firm.Owner, new { deadlineDays = 7 })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get(Reviews(otherFirm), stranger)).ShouldBe(HttpStatusCode.OK);
        (await Api.Get($"/api/v1/access-reviews/{Guid.NewGuid()}", firm.Admin)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Review(review.Id, firm.Admin)).Lines.ShouldAllBe(l => l.Decision == null);
    }

    [Fact]
    public async Task an_administrator_may_not_remove_their_own_role_nor_the_reviewers()
    {
        var firm = await Working();
        var (review, _) = await Start(firm);
        (await Decide(review, firm.Other, (Line(review, firm.Other, ReviewLineKinds.Role), "remove"))).ShouldRefuse("reviewer_own_role");
        (await Decide(review, firm.Other, (Line(review, firm.Admin, ReviewLineKinds.Role), "remove"))).ShouldRefuse("reviewer_own_role");
        (await Decide(review, firm.Admin, (Line(review, firm.Admin, ReviewLineKinds.Role), "keep"))).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task removing_the_firms_last_administrator_is_refused()
    {
        var firm = await Working();
        var third = await Api.AddMember(firm.Partner, firm.Admin, "administrator");
        var (review, _) = await Start(firm);
        // The administrator who started it leaves; the other two may not remove each other both.
        await Api.Settled(async () => (await Api.Delete($"/api/v1/accounts/{firm.Partner}/members/{firm.Admin.UserId}", firm.Other)).ShouldBe(HttpStatusCode.NoContent));
        (await Decide(review, firm.Other, (Line(review, third, ReviewLineKinds.Role), "remove"))).ShouldBe(HttpStatusCode.OK);
        (await Decide(review, third, (Line(review, firm.Other, ReviewLineKinds.Role), "remove"))).ShouldRefuse("last_administrator");
    }

    [Fact]
    public async Task completing_early_needs_every_line_decided_and_applies_the_removals_in_the_owning_modules()
    {
        var firm = await Working();
        var (review, _) = await Start(firm);
        var complete = $"/api/v1/access-reviews/{review.Id}/complete";
        (await Decide(review, firm.Admin, (Line(review, firm.Manager, ReviewLineKinds.Assignment), "remove"))).ShouldBe(HttpStatusCode.OK);
        (await Api.Post(complete, firm.Admin)).ShouldRefuse("lines_undecided");

        var decided = await Decide(review, firm.Admin,
            (Line(review, firm.Admin, ReviewLineKinds.Role), "keep"), (Line(review, firm.Manager, ReviewLineKinds.Role), "keep"),
            (Line(review, firm.Other, ReviewLineKinds.Role), "remove"));
        decided.ShouldBe(HttpStatusCode.OK).As<AccessReview>().Lines.ShouldAllBe(l => l.Decision != null);
        (await Check(firm.Other, firm.Business)).Allowed.ShouldBeTrue(); // deciding removes nothing yet

        var done = await Api.Settled(() => Api.Post(complete, firm.Admin));
        var record = done.ShouldBe(HttpStatusCode.OK).As<AccessReview>();
        record.Status.ShouldBe("completed");
        record.How.ShouldBe("early");
        Line(record, firm.Other, ReviewLineKinds.Role).Reason.ShouldBe("removed_in_review");
        Line(record, firm.Manager, ReviewLineKinds.Role).Outcome.ShouldBe("keep");

        // Collaboration unassigned the manager, Onboarding removed the administrator: every reader says so.
        (await Check(firm.Manager, firm.Business)).Reason.ShouldBe("not_assigned");
        (await Api.Post("/api/v1/access/introspect", Erp, new { token = firm.Token })).As<Introspection>().Active.ShouldBeFalse();
        (await Api.Get("/api/v1/notifications", firm.Manager)).ShouldBe(HttpStatusCode.OK).Body.ShouldContain("de accesos de tu asesor"); // the review, named in the notice
        (await Api.GetAs<CollaborationView>($"/api/v1/collaborations/{firm.Collaboration}", firm.Admin)).Managers.ShouldBeEmpty();
        (await Check(firm.Other, firm.Business)).Reason.ShouldBe("member_removed");
        (await Api.GetAs<Page<TeamMember>>($"/api/v1/accounts/{firm.Partner}/members", firm.Admin)).Items.ShouldNotContain(m => m.UserId == firm.Other.UserId);

        var trail = await Trail(firm);
        trail.ShouldContain(AuditTypes.ReviewCompleted);
        trail.ShouldContain(AuditTypes.ReviewUnassigned);
        trail.ShouldContain(AuditTypes.ReviewMemberRemoved);
        // The client reads in its own trail that the firm's review removed a manager from its account.
        var client = (await Api.Get($"/api/v1/audit/access?clientAccountId={firm.Business}&type=review_unassigned", firm.Owner)).As<AuditPage>().Items.ShouldHaveSingleItem();
        client.Member.ShouldBe(firm.Manager.UserId);
        client.Reason.ShouldBe("removed_in_review");

        // Completed: nothing more is decided or completed.
        (await Decide(review, firm.Admin, (Line(review, firm.Manager, ReviewLineKinds.Role), "remove"))).ShouldBeProblem(HttpStatusCode.Conflict);
        (await Api.Post(complete, firm.Admin)).ShouldBeProblem(HttpStatusCode.Conflict);
        // And a new review may start.
        (await Api.Post(Reviews(firm.Partner), firm.Admin, new { deadlineDays = 30 })).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task at_the_deadline_what_is_not_confirmed_is_removed_and_the_rules_keep_what_they_must()
    {
        var firm = await Working();
        var (review, close) = await Start(firm, days: 7);
        (await Decide(review, firm.Admin, (Line(review, firm.Manager, ReviewLineKinds.Role), "keep"))).ShouldBe(HttpStatusCode.OK);

        // Delivered early, it waits for the deadline.
        (await Api.Messages(() => Bus.PublishAsync(close).AsTask())).OfType<Contract.RemoveReviewedMember>().ShouldBeEmpty();
        (await Review(review.Id, firm.Admin)).Status.ShouldBe("open");

        App.Clock.Advance(TimeSpan.FromDays(8));
        try
        {
            var asked = await Api.Messages(() => Bus.PublishAsync(close).AsTask());
            asked.OfType<Contract.RemoveReviewedMember>().ShouldHaveSingleItem().UserId.ShouldBe(firm.Other.UserId);
            asked.OfType<Contract.UnassignReviewedManager>().ShouldHaveSingleItem().UserId.ShouldBe(firm.Manager.UserId);
            // Delivered again, it changes nothing.
            var before = await App.EventCountAsync();
            (await Api.Messages(() => Bus.PublishAsync(close).AsTask())).OfType<Contract.RemoveReviewedMember>().ShouldBeEmpty();
            (await App.EventCountAsync()).ShouldBe(before);
        }
        finally { App.Clock.Offset = TimeSpan.Zero; }

        var record = await Review(review.Id, firm.Admin);
        record.Status.ShouldBe("completed");
        record.How.ShouldBe("deadline");
        record.CompletedBy.ShouldBe("system");
        Line(record, firm.Admin, ReviewLineKinds.Role).ShouldSatisfyAllConditions(l => l.Outcome.ShouldBe("keep"), l => l.Reason.ShouldBe("reviewer_own_role"));
        Line(record, firm.Other, ReviewLineKinds.Role).ShouldSatisfyAllConditions(l => l.Outcome.ShouldBe("remove"), l => l.Reason.ShouldBe("not_confirmed"));
        Line(record, firm.Manager, ReviewLineKinds.Role).ShouldSatisfyAllConditions(l => l.Outcome.ShouldBe("keep"), l => l.Reason.ShouldBe("confirmed"));
        Line(record, firm.Manager, ReviewLineKinds.Assignment).Reason.ShouldBe("not_confirmed");
        (await Check(firm.Manager, firm.Business)).Reason.ShouldBe("not_assigned");
        (await Check(firm.Other, firm.Business)).Reason.ShouldBe("member_removed");
        (await Check(firm.Admin, firm.Business)).Allowed.ShouldBeTrue();

        var kept = (await Api.Get($"/api/v1/audit/access?partnerAccountId={firm.Partner}&type=review_line_kept", firm.Admin)).As<AuditPage>().Items.ShouldHaveSingleItem();
        kept.Member.ShouldBe(firm.Admin.UserId);
        kept.Reason.ShouldBe("reviewer_own_role");
    }

    [Fact]
    public async Task at_the_deadline_the_firms_last_administrator_is_kept()
    {
        var firm = await Working();
        var (review, close) = await Start(firm);
        // The administrator who started it leaves: of the two undecided lines, only one administrator can go.
        await Api.Settled(async () => (await Api.Delete($"/api/v1/accounts/{firm.Partner}/members/{firm.Admin.UserId}", firm.Other)).ShouldBe(HttpStatusCode.NoContent));
        App.Clock.Advance(TimeSpan.FromDays(15));
        try { await Api.Settled(() => Bus.PublishAsync(close).AsTask()); }
        finally { App.Clock.Offset = TimeSpan.Zero; }
        var record = await Review(review.Id, firm.Other);
        Line(record, firm.Admin, ReviewLineKinds.Role).Reason.ShouldBe("already_ended");
        Line(record, firm.Other, ReviewLineKinds.Role).Reason.ShouldBe("last_administrator");
        Line(record, firm.Manager, ReviewLineKinds.Role).Reason.ShouldBe("not_confirmed");
        Line(record, firm.Manager, ReviewLineKinds.Assignment).Reason.ShouldBe("ends_with_member");
        (await Check(firm.Other, firm.Business)).Allowed.ShouldBeTrue();
        (await Check(firm.Manager, firm.Business)).Reason.ShouldBe("member_removed");
    }

    [Fact]
    public async Task one_line_decided_twice_at_once_is_never_a_server_error()
    {
        var firm = await Working();
        var (review, _) = await Start(firm);
        var line = Line(review, firm.Manager, ReviewLineKinds.Role);
        var replies = await Task.WhenAll(Decide(review, firm.Admin, (line, "keep")), Decide(review, firm.Other, (line, "remove")));
        replies.ShouldAllBe(r => r.Status == HttpStatusCode.OK || r.Status == HttpStatusCode.Conflict);
        replies.ShouldContain(r => r.Status == HttpStatusCode.OK);
        (await App.EventCountAsync("access.review_line_decided")).ShouldBe(replies.Count(r => r.Status == HttpStatusCode.OK));

        var completions = await Api.Settled(async () =>
        {
            (await Decide(review, firm.Admin, [.. review.Lines.Select(l => (l, "keep"))])).ShouldBe(HttpStatusCode.OK);
            var url = $"/api/v1/access-reviews/{review.Id}/complete";
            return await Task.WhenAll(Api.Post(url, firm.Admin), Api.Post(url, firm.Other));
        });
        completions.Select(r => r.Status).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (await App.EventCountAsync("access.access_review_completed")).ShouldBe(1);
    }

    [Fact]
    public async Task the_record_downloads_as_csv()
    {
        var firm = await Working();
        var (review, _) = await Start(firm);
        await Decide(review, firm.Admin, [.. review.Lines.Select(l => (l, "keep"))]);
        await Api.Settled(() => Api.Post($"/api/v1/access-reviews/{review.Id}/complete", firm.Admin));
        var csv = await Api.Send(HttpMethod.Get, $"/api/v1/access-reviews/{review.Id}", firm.Admin, accept: "text/csv");
        csv.ShouldBe(HttpStatusCode.OK);
        csv.ContentType.ShouldBe("text/csv");
        var rows = csv.Body.TrimEnd('\n').Split('\n');
        rows[0].ShouldBe(ReviewCsv.Header);
        rows.Length.ShouldBe(1 + review.Lines.Count);
        rows.ShouldContain(r => r.Contains(firm.Collaboration.ToString()) && r.Contains("assignment") && r.EndsWith("keep,confirmed"));
        rows.Skip(1).ShouldAllBe(r => r.StartsWith(review.Id.ToString()) && r.Contains(",completed,"));

        // The review's entries are chained with the rest: the trail verifies, with the firm's chain holding them.
        await App.ProjectionsCaughtUpAsync();
        var verified = (await Api.Get("/api/v1/audit/verify", Actor.Auditor())).ShouldBe(HttpStatusCode.OK).As<Audit.Chain.AuditVerification>();
        verified.Findings.ShouldBeEmpty();
        verified.Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task the_reviews_rebuilt_from_their_events_equal_the_live_ones()
    {
        var firm = await Working();
        var (review, close) = await Start(firm);
        await Decide(review, firm.Admin, (Line(review, firm.Manager, ReviewLineKinds.Role), "keep"), (Line(review, firm.Manager, ReviewLineKinds.Assignment), "remove"));
        App.Clock.Advance(TimeSpan.FromDays(15));
        try { await Api.Settled(() => Bus.PublishAsync(close).AsTask()); }
        finally { App.Clock.Offset = TimeSpan.Zero; }
        var (open, _) = await Start(firm, days: 3);
        await Decide(open, firm.Admin, (Line(open, firm.Admin, ReviewLineKinds.Role), "keep"));
        await App.ShouldRebuildIdentically<AccessReview>(typeof(AccessReview));
    }

    [Fact]
    public async Task the_owning_modules_apply_a_removal_once_and_never_remove_the_last_administrator()
    {
        var firm = await Working();
        var review = Guid.NewGuid();
        var unassign = new Contract.UnassignReviewedManager(review, firm.Collaboration, firm.Partner, firm.Manager.UserId, firm.Admin.UserId, DateTimeOffset.UtcNow);
        await Api.Settled(() => Bus.PublishAsync(unassign).AsTask());
        (await Check(firm.Manager, firm.Business)).Reason.ShouldBe("not_assigned");
        var before = await App.EventCountAsync();
        await Api.Settled(() => Bus.PublishAsync(unassign).AsTask());
        (await App.EventCountAsync()).ShouldBe(before);

        var remove = new Contract.RemoveReviewedMember(review, firm.Partner, firm.Other.UserId, firm.Admin.UserId, DateTimeOffset.UtcNow);
        await Api.Settled(() => Bus.PublishAsync(remove).AsTask());
        (await Check(firm.Other, firm.Business)).Reason.ShouldBe("member_removed");
        before = await App.EventCountAsync();
        await Api.Settled(() => Bus.PublishAsync(remove).AsTask());
        (await App.EventCountAsync()).ShouldBe(before);

        // Onboarding's own rule still holds: the firm's last administrator stays.
        await Api.Settled(() => Bus.PublishAsync(remove with { UserId = firm.Admin.UserId }).AsTask());
        (await App.EventCountAsync()).ShouldBe(before);
        (await Check(firm.Admin, firm.Business)).Allowed.ShouldBeTrue();
    }
}
