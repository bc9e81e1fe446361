using Holded.Partners.Access.Audit;
using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.JustInTime;
using Holded.Partners.Access.Sessions;
using Contract = Holded.Partners.Contracts.Access;

namespace Holded.Partners.Access.Tests;

/// <summary>Issue 16, capability 3: access on request, just in time — asked with a reason, approved, expiring by itself.</summary>
public class JustInTimeTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.access.check");
    private Wolverine.IMessageBus Bus => Wolverine.HostBuilderExtensions.MessageBus(App.Host);

    private sealed record Firm(Guid Collaboration, Guid Partner, Actor Admin, Guid Business, Actor Owner, Actor Member);

    private static string Ask(Guid collaboration) => $"/api/v1/collaborations/{collaboration}/just-in-time";
    private static string Of(Guid request) => $"/api/v1/just-in-time/{request}";

    /// <summary>A collaboration with an accountant grant (standard plan) and an account manager of the firm not assigned to it.</summary>
    private async Task<Firm> Collaborating(bool grant = true)
    {
        var (collaboration, partner, admin, business, owner) = await Api.Collaborating();
        if (grant) (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK);
        var member = await Api.AddMember(partner, admin, "account_manager");
        return new Firm(collaboration, partner, admin, business, owner, member);
    }

    private static object Asking(string[]? sections = null, int hours = 4, string reason = "Cierre trimestral: revisar el IVA del T3.") =>
        new { reason, sections = sections ?? ["accounting", "invoicing"], hours };

    private async Task<Guid> Requested(Firm f, string[]? sections = null, int hours = 4)
    {
        var reply = (await Api.Post(Ask(f.Collaboration), f.Member, Asking(sections, hours))).ShouldBe(HttpStatusCode.Created);
        reply.Headers.Location!.ToString().ShouldBe(Of(reply.Id));
        return reply.Id;
    }

    private async Task<Guid> Active(Firm f, string[]? sections = null, int hours = 4)
    {
        var id = await Requested(f, sections, hours);
        (await Api.Post($"{Of(id)}/approve", f.Admin)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    private async Task<Decision> Check(string userId, Guid client, string section, string action = "read") =>
        (await Api.Post("/api/v1/access/check", Erp, new { userId, clientAccountId = client, section, action })).ShouldBe(HttpStatusCode.OK).As<Decision>();

    private async Task<List<AuditEntry>> Trail(Firm f) =>
        (await Api.Get($"/api/v1/audit/access?clientAccountId={f.Business}", f.Owner)).ShouldBe(HttpStatusCode.OK).As<AuditPage>().Items.ToList();

    private async Task<string> Inbox(Actor who) => (await Api.Get("/api/v1/notifications", who)).ShouldBe(HttpStatusCode.OK).Body;

    [Fact]
    public async Task an_unassigned_member_asks_the_firm_approves_and_the_check_allows_the_sections_asked_at_the_grants_level()
    {
        var f = await Collaborating();
        (await Check(f.Member.UserId, f.Business, "accounting")).Reason.ShouldBe(Reasons.NotAssigned);

        var id = await Api.Settled(() => Requested(f));
        var pending = await Api.GetAs<JustInTimeView>(Of(id), f.Admin);
        pending.Status.ShouldBe(JustInTimeStatus.Pending);
        pending.Awaiting.ShouldBe([Contracts.Sides.Partner]);
        pending.Sections.ShouldBe(["invoicing", "accounting"]); // the catalog's order
        (await Check(f.Member.UserId, f.Business, "accounting")).Reason.ShouldBe(Reasons.NotAssigned); // nothing before approval
        (await Inbox(f.Admin)).ShouldContain("just_in_time_requested");

        var approved = await Api.Messages(async () =>
        {
            var reply = (await Api.Post($"{Of(id)}/approve", f.Admin)).ShouldBe(HttpStatusCode.OK);
            reply.Headers.Contains("Access-Version").ShouldBeTrue();
            var view = reply.As<JustInTimeView>();
            view.Status.ShouldBe(JustInTimeStatus.Active);
            view.ExpiresAt.ShouldNotBeNull().ShouldBe(App.Clock.GetUtcNow().AddHours(4), TimeSpan.FromMinutes(1));
        });
        approved.OfType<Contract.JustInTimeAnswered>().ShouldHaveSingleItem().ExpiresAt.ShouldNotBeNull();
        approved.OfType<ExpireJustInTime>().ShouldHaveSingleItem();
        (await Inbox(f.Member)).ShouldContain("just_in_time_answered");

        var write = await Check(f.Member.UserId, f.Business, "accounting", "write");
        (write.Allowed, write.Reason, write.Level).ShouldBe((true, Reasons.JustInTime, "write"));
        var capped = await Check(f.Member.UserId, f.Business, "invoicing", "write"); // the grant gives invoicing read only
        (capped.Allowed, capped.Reason, capped.Level).ShouldBe((false, Reasons.RoleLevelTooLow, "read"));
        (await Check(f.Member.UserId, f.Business, "invoicing")).Reason.ShouldBe(Reasons.JustInTime);
        (await Check(f.Member.UserId, f.Business, "banking", "write")).Reason.ShouldBe(Reasons.NotAssigned); // granted, but not asked for

        var trail = await Trail(f);
        var asked = trail.Single(e => e.Type == AuditTypes.JustInTimeRequested);
        (asked.Actor, asked.Member, asked.Permissions).ShouldBe((f.Member.UserId, f.Member.UserId, "invoicing:read accounting:write"));
        asked.Reason.ShouldBe("Cierre trimestral: revisar el IVA del T3.");
        trail.Single(e => e.Type == AuditTypes.JustInTimeApproved).Actor.ShouldBe(f.Admin.UserId);
        // Three allowed checks, one "used" entry: the first.
        trail.Single(e => e.Type == AuditTypes.JustInTimeUsed).Permissions.ShouldBe("accounting:write");
    }

    [Fact]
    public async Task bad_input_is_a_400_and_nothing_is_stored()
    {
        var f = await Collaborating();
        foreach (var (body, field) in new (object, string)[]
        {
            (new { sections = new[] { "accounting" }, hours = 4 }, "reason"),
            (Asking(reason: new string('x', 501)), "reason"),
            (Asking(sections: []), "sections"),
            (Asking(sections: ["accounting", "warp_drive"]), "sections"),
            (Asking(sections: ["accounting", "accounting"]), "sections"),
            (Asking(hours: 0), "hours"),
            (Asking(hours: 7 * 24 + 1), "hours"),
            (new { reason = "x", sections = new[] { "accounting" } }, "hours"),
        })
            (await Api.Post(Ask(f.Collaboration), f.Member, body)).ShouldBeInvalid(field);
        (await Api.Post($"/api/v1/just-in-time/{Guid.NewGuid()}/approve", f.Admin)).ShouldBe(HttpStatusCode.NotFound);
        (await Api.GetAs<FirmJustInTime>($"/api/v1/partners/{f.Partner}/just-in-time", f.Admin)).Requests.Total.ShouldBe(0);
        (await Api.Get($"/api/v1/partners/{f.Partner}/just-in-time?status=nope", f.Admin)).ShouldBeInvalid("status");
    }

    [Fact]
    public async Task each_rule_is_refused_by_name()
    {
        var f = await Collaborating();
        (await Api.Post(Ask(f.Collaboration), f.Member, Asking(["payroll", "accounting"]))).ShouldRefuse("sections_outside_grant");
        (await Api.Post(Ask(f.Collaboration), f.Admin, Asking())).ShouldRefuse("already_reaches");
        var assigned = await Api.AddMember(f.Partner, f.Admin, "account_manager");
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{f.Collaboration}/managers", f.Admin, new { userIds = new[] { assigned.UserId } }));
        (await Api.Post(Ask(f.Collaboration), assigned, Asking())).ShouldRefuse("already_reaches");

        await Requested(f);
        (await Api.Post(Ask(f.Collaboration), f.Member, Asking())).ShouldRefuse("just_in_time_already_open");

        var ungranted = await Collaborating(grant: false);
        (await Api.Post(Ask(ungranted.Collaboration), ungranted.Member, Asking())).ShouldRefuse("no_grant_in_force");
        await Api.Settled(() => Api.Post($"/api/v1/collaborations/{ungranted.Collaboration}/end", ungranted.Owner, new { reason = "Cambiamos de asesoría.", confirm = true }));
        (await Api.Post(Ask(ungranted.Collaboration), ungranted.Member, Asking())).ShouldRefuse("collaboration_ended");
    }

    [Fact]
    public async Task identities_are_refused_without_learning_what_they_must_not()
    {
        var f = await Collaborating();
        (await Api.Post(Ask(f.Collaboration), null, Asking())).ShouldBe(HttpStatusCode.Unauthorized);
        (await Api.Post(Ask(f.Collaboration), Actor.Person(), Asking())).ShouldBe(HttpStatusCode.NotFound);
        (await Api.Post(Ask(Guid.NewGuid()), f.Member, Asking())).ShouldBe(HttpStatusCode.NotFound);
        (await Api.Post(Ask(f.Collaboration), f.Owner, Asking())).ShouldBe(HttpStatusCode.Forbidden);

        var id = await Requested(f);
        var colleague = await Api.AddMember(f.Partner, f.Admin, "account_manager");
        (await Api.Get(Of(id), colleague)).ShouldBe(HttpStatusCode.NotFound); // another manager's request is not theirs to see
        (await Api.Post($"{Of(id)}/approve", colleague)).ShouldBe(HttpStatusCode.NotFound);
        (await Api.Get(Of(id), Actor.Person())).ShouldBe(HttpStatusCode.NotFound);
        (await Api.Post($"{Of(id)}/approve", f.Member)).ShouldBe(HttpStatusCode.Forbidden); // not one's own
        (await Api.Post($"{Of(id)}/approve", f.Owner)).ShouldRefuse("client_approval_not_required");
        (await Api.Get(Of(id), f.Owner)).ShouldBe(HttpStatusCode.OK); // the client sees who asks for its account
        (await Api.Get($"/api/v1/partners/{f.Partner}/just-in-time", f.Owner)).ShouldBe(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/clients/{f.Business}/just-in-time", f.Member)).ShouldBe(HttpStatusCode.NotFound);
        (await Api.Put($"/api/v1/clients/{f.Business}/just-in-time-policy", f.Admin, new { requireClientApproval = true })).ShouldBe(HttpStatusCode.NotFound);
        (await Api.Put($"/api/v1/clients/{f.Business}/just-in-time-policy", f.Owner, new { })).ShouldBeInvalid("requireClientApproval");

        // The member sees their own request and the clients they may ask for; the administrator sees the firm's.
        var mine = await Api.GetAs<FirmJustInTime>($"/api/v1/partners/{f.Partner}/just-in-time", f.Member);
        mine.Requests.Items.ShouldHaveSingleItem().Id.ShouldBe(id);
        mine.Requestable.ShouldHaveSingleItem().Sections.Keys.ShouldBe(["invoicing", "accounting", "banking", "expenses", "taxes"], ignoreOrder: true);
        (await Api.GetAs<FirmJustInTime>($"/api/v1/partners/{f.Partner}/just-in-time", colleague)).Requests.Total.ShouldBe(0);
        (await Api.GetAs<FirmJustInTime>($"/api/v1/partners/{f.Partner}/just-in-time?status=pending", f.Admin)).Requests.Items.ShouldHaveSingleItem();
        (await Api.GetAs<Kernel.Page<JustInTimeView>>($"/api/v1/clients/{f.Business}/just-in-time", f.Owner)).Items.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task a_client_that_asks_to_approve_too_is_asked_and_access_starts_after_both_in_either_order()
    {
        var f = await Collaborating();
        var policy = (await Api.Put($"/api/v1/clients/{f.Business}/just-in-time-policy", f.Owner, new { requireClientApproval = true })).ShouldBe(HttpStatusCode.OK);
        policy.As<JustInTimePolicyView>().RequireClientApproval.ShouldBeTrue();

        // The firm first, then the client.
        var first = await Api.Settled(() => Requested(f));
        (await Inbox(f.Owner)).ShouldContain("just_in_time_requested");
        (await Api.Post($"{Of(first)}/approve", f.Admin)).ShouldBe(HttpStatusCode.OK).As<JustInTimeView>().Awaiting.ShouldBe([Contracts.Sides.Client]);
        (await Api.Post($"{Of(first)}/approve", f.Admin)).ShouldBe(HttpStatusCode.Conflict);
        (await Check(f.Member.UserId, f.Business, "accounting")).Reason.ShouldBe(Reasons.NotAssigned);
        (await Api.Post($"{Of(first)}/approve", f.Owner)).ShouldBe(HttpStatusCode.OK).As<JustInTimeView>().Status.ShouldBe(JustInTimeStatus.Active);
        (await Check(f.Member.UserId, f.Business, "accounting")).Reason.ShouldBe(Reasons.JustInTime);
        (await Api.Post($"{Of(first)}/end", f.Owner)).ShouldBe(HttpStatusCode.OK).As<JustInTimeView>().EndReason.ShouldBe(JustInTimeEndReasons.ByClient);

        // The client first, then the firm.
        var second = await Requested(f);
        (await Api.Post($"{Of(second)}/approve", f.Owner)).ShouldBe(HttpStatusCode.OK).As<JustInTimeView>().Status.ShouldBe(JustInTimeStatus.Pending);
        (await Check(f.Member.UserId, f.Business, "accounting")).Reason.ShouldBe(Reasons.NotAssigned);
        (await Api.Post($"{Of(second)}/approve", f.Admin)).ShouldBe(HttpStatusCode.OK).As<JustInTimeView>().Status.ShouldBe(JustInTimeStatus.Active);
        (await Check(f.Member.UserId, f.Business, "accounting")).Reason.ShouldBe(Reasons.JustInTime);

        var trail = await Trail(f);
        trail.Count(e => e.Type == AuditTypes.JustInTimeApproved).ShouldBe(4);
        trail.Single(e => e.Type == AuditTypes.JustInTimePolicyChanged).Reason.ShouldBe("client_approval_required");
    }

    [Fact]
    public async Task declined_is_closed_and_the_member_may_ask_again()
    {
        var f = await Collaborating();
        var id = await Requested(f);
        await Api.Settled(async () => (await Api.Post($"{Of(id)}/decline", f.Admin)).ShouldBe(HttpStatusCode.OK).As<JustInTimeView>().Status.ShouldBe(JustInTimeStatus.Declined));
        (await Api.Post($"{Of(id)}/approve", f.Admin)).ShouldBe(HttpStatusCode.Conflict);
        (await Inbox(f.Member)).ShouldContain("just_in_time_answered");
        (await Check(f.Member.UserId, f.Business, "accounting")).Reason.ShouldBe(Reasons.NotAssigned);
        (await Trail(f)).Single(e => e.Type == AuditTypes.JustInTimeDeclined).Reason.ShouldBe("declined_by_firm");
        await Requested(f);
    }

    [Fact]
    public async Task it_expires_by_itself_at_approval_plus_its_duration()
    {
        var f = await Collaborating();
        var id = await Active(f, ["accounting"], hours: 2);
        App.Clock.Advance(TimeSpan.FromHours(1));
        (await Check(f.Member.UserId, f.Business, "accounting")).Reason.ShouldBe(Reasons.JustInTime);
        // Early delivery (another node's clock) finds it still running and comes back at the expiry.
        (await Api.Messages(() => Bus.PublishAsync(new ExpireJustInTime(id)).AsTask())).OfType<Contract.JustInTimeEnded>().ShouldBeEmpty();

        App.Clock.Advance(TimeSpan.FromHours(1.5));
        // Past its expiry it no longer works, whether or not the scheduled expiry has been recorded yet.
        (await Check(f.Member.UserId, f.Business, "accounting")).Reason.ShouldBe(Reasons.NotAssigned);
        (await Api.GetAs<JustInTimeView>(Of(id), f.Member)).Status.ShouldBe(JustInTimeStatus.Expired);
        (await Api.Post($"{Of(id)}/end", f.Member)).ShouldBe(HttpStatusCode.Conflict);

        var expired = await Api.Messages(() => Bus.PublishAsync(new ExpireJustInTime(id)).AsTask());
        expired.OfType<Contract.JustInTimeEnded>().ShouldHaveSingleItem().Reason.ShouldBe(JustInTimeStatus.Expired);
        (await Api.Messages(() => Bus.PublishAsync(new ExpireJustInTime(id)).AsTask())).OfType<Contract.JustInTimeEnded>().ShouldBeEmpty(); // idempotent
        (await Trail(f)).Single(e => e.Type == AuditTypes.JustInTimeExpired).Actor.ShouldBe(AuditEntries.System);
        (await Inbox(f.Member)).ShouldContain("just_in_time_ended");
        (await Inbox(f.Admin)).ShouldContain("just_in_time_ended");
        await Requested(f); // no longer open
    }

    [Fact]
    public async Task either_side_ends_it_early_and_it_is_gone_before_the_answer()
    {
        var f = await Collaborating();
        var id = await Active(f);
        (await Check(f.Member.UserId, f.Business, "accounting")).Reason.ShouldBe(Reasons.JustInTime);
        var ended = await Api.Post($"{Of(id)}/end", f.Member);
        ended.ShouldBe(HttpStatusCode.OK).As<JustInTimeView>().EndReason.ShouldBe(JustInTimeEndReasons.ByRequester);
        ended.Headers.Contains("Access-Version").ShouldBeTrue();
        (await Check(f.Member.UserId, f.Business, "accounting")).Reason.ShouldBe(Reasons.NotAssigned);
        (await Api.Post($"{Of(id)}/end", f.Admin)).ShouldBe(HttpStatusCode.Conflict);

        var again = await Active(f);
        await Api.Settled(async () => (await Api.Post($"{Of(again)}/end", f.Admin)).ShouldBe(HttpStatusCode.OK).As<JustInTimeView>().EndReason.ShouldBe(JustInTimeEndReasons.ByFirm));
        (await Inbox(f.Member)).ShouldContain("just_in_time_ended");
        (await Trail(f)).Where(e => e.Type == AuditTypes.JustInTimeEnded).Select(e => e.Reason).ShouldBe(
            [JustInTimeEndReasons.ByFirm, JustInTimeEndReasons.ByRequester]);
    }

    [Fact]
    public async Task it_never_outlives_the_grant_the_collaboration_or_the_members_place()
    {
        var f = await Collaborating();
        var id = await Active(f);
        await Api.Settled(async () => (await Api.Delete($"/api/v1/collaborations/{f.Collaboration}/access-grant", f.Owner)).ShouldBe(HttpStatusCode.NoContent));
        (await Check(f.Member.UserId, f.Business, "accounting")).Allowed.ShouldBeFalse();
        var view = await Api.GetAs<JustInTimeView>(Of(id), f.Member);
        (view.Status, view.EndReason).ShouldBe((JustInTimeStatus.Ended, JustInTimeEndReasons.GrantEnded));
        // Granted again: that is another grant, and the ended access does not come back with it.
        (await Api.Put($"/api/v1/collaborations/{f.Collaboration}/access-grant", f.Owner, new { role = "accountant" })).ShouldBe(HttpStatusCode.OK);
        (await Check(f.Member.UserId, f.Business, "accounting")).Reason.ShouldBe(Reasons.NotAssigned);

        var member = await Active(f);
        await Api.Settled(async () => (await Api.Delete($"/api/v1/accounts/{f.Partner}/members/{f.Member.UserId}", f.Admin)).ShouldBe(HttpStatusCode.NoContent));
        (await Check(f.Member.UserId, f.Business, "accounting")).Reason.ShouldBe(Reasons.MemberRemoved);
        (await Api.GetAs<JustInTimeView>(Of(member), f.Admin)).EndReason.ShouldBe(JustInTimeEndReasons.MemberRemoved);
        (await Trail(f)).Count(e => e.Type == AuditTypes.JustInTimeEnded).ShouldBe(2);
    }

    [Fact]
    public async Task a_session_through_it_holds_only_the_sections_asked_for_until_its_expiry_and_stops_when_it_ends()
    {
        var f = await Collaborating();
        Task<Introspection> Introspect(string token) =>
            Api.Post("/api/v1/access/introspect", Erp, new { token }).ContinueWith(t => t.Result.ShouldBe(HttpStatusCode.OK).As<Introspection>());
        // Not assigned, nothing asked for: the client does not exist for them.
        (await Api.Post("/api/v1/access/sessions", f.Member, new { clientAccountId = f.Business })).ShouldBeProblem(HttpStatusCode.NotFound);

        var id = await Active(f, ["accounting"], hours: 1);
        App.Clock.Advance(TimeSpan.FromMinutes(50));
        var ticket = (await Api.Post("/api/v1/access/sessions", f.Member, new { clientAccountId = f.Business }))
            .ShouldBe(HttpStatusCode.Created).As<SessionTicket>();
        ticket.Permissions["accounting"].ShouldBe("write");
        ticket.Permissions.Where(p => p.Key != "accounting").ShouldAllBe(p => p.Value == "none"); // the grant gives invoicing read: not asked for
        ticket.ExpiresAt.ShouldBe(App.Clock.GetUtcNow().AddMinutes(10), TimeSpan.FromSeconds(5)); // the access's expiry, not 15 minutes
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(ticket.Token).GetClaim("scope").Value.ShouldBe("accounting:write");
        var introspection = await Introspect(ticket.Token);
        (introspection.Active, introspection.Permissions!["accounting"], introspection.Permissions["invoicing"]).ShouldBe((true, "write", "none"));
        (await Trail(f)).Single(e => e.Type == AuditTypes.SessionOpened).Reason.ShouldBe(Reasons.JustInTime);
        (await Api.GetAs<SessionView>($"/api/v1/access/sessions/{ticket.SessionId}", f.Member)).JustInTimeRequestId.ShouldBe(id);

        // Ended early: the token stops working at once, and a request approved again later is not this session's.
        await Api.Settled(async () => (await Api.Post($"{Of(id)}/end", f.Admin)).ShouldBe(HttpStatusCode.OK));
        (await Introspect(ticket.Token)).ShouldSatisfyAllConditions(i => i.Active.ShouldBeFalse(), i => i.Reason.ShouldBe(Reasons.NotAssigned));
        await Active(f, ["accounting"], hours: 1);
        (await Introspect(ticket.Token)).Active.ShouldBeFalse();
        (await Api.Post("/api/v1/access/sessions", f.Member, new { clientAccountId = f.Business })).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task an_end_with_the_collaboration_ends_it_too()
    {
        var f = await Collaborating();
        var id = await Active(f);
        await Api.Settled(async () => (await Api.Post($"/api/v1/collaborations/{f.Collaboration}/end", f.Owner, new { reason = "Cambiamos de asesoría.", confirm = true })).ShouldBe(HttpStatusCode.OK));
        (await Check(f.Member.UserId, f.Business, "accounting")).Reason.ShouldBe(Reasons.CollaborationEnded);
        (await Api.GetAs<JustInTimeView>(Of(id), f.Admin)).EndReason.ShouldBe(JustInTimeEndReasons.CollaborationEnded);
    }

    [Fact]
    public async Task two_approvers_at_once_or_an_approval_and_a_decline_meet_in_a_409()
    {
        var f = await Collaborating();
        var second = await Api.AddMember(f.Partner, f.Admin, "administrator");
        for (var round = 0; round < 2; round++)
        {
            var id = await Requested(f);
            var answers = await Task.WhenAll(Api.Post($"{Of(id)}/approve", f.Admin), Api.Post($"{Of(id)}/{(round == 0 ? "approve" : "decline")}", second));
            answers.Select(a => a.Status).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
            answers.Single(a => a.Status == HttpStatusCode.Conflict).ShouldBeProblem(HttpStatusCode.Conflict);
            var state = await Api.GetAs<JustInTimeView>(Of(id), f.Admin);
            if (state.Status == JustInTimeStatus.Active) (await Api.Post($"{Of(id)}/end", f.Admin)).ShouldBe(HttpStatusCode.OK);
        }
        (await Trail(f)).Count(e => e.Type is AuditTypes.JustInTimeApproved or AuditTypes.JustInTimeDeclined).ShouldBe(2);
    }

    [Fact]
    public async Task two_requests_at_once_never_leave_two_open()
    {
        var f = await Collaborating();
        var answers = await Task.WhenAll(Api.Post(Ask(f.Collaboration), f.Member, Asking()), Api.Post(Ask(f.Collaboration), f.Member, Asking()));
        answers.Count(a => a.Status == HttpStatusCode.Created).ShouldBe(1);
        // Met at the commit (409), or the second saw the first (422 just_in_time_already_open).
        answers.Single(a => a.Status != HttpStatusCode.Created).Status.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
        (await Api.GetAs<FirmJustInTime>($"/api/v1/partners/{f.Partner}/just-in-time", f.Member)).Requests.Total.ShouldBe(1);
    }

    [Fact]
    public async Task two_ends_at_once_meet_in_a_409()
    {
        var f = await Collaborating();
        var id = await Active(f);
        var answers = await Task.WhenAll(Api.Post($"{Of(id)}/end", f.Member), Api.Post($"{Of(id)}/end", f.Owner));
        answers.Select(a => a.Status).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (await Trail(f)).Count(e => e.Type == AuditTypes.JustInTimeEnded).ShouldBe(1);
    }

    [Fact]
    public async Task the_requests_and_the_clients_setting_rebuild_as_they_were_live()
    {
        var f = await Collaborating();
        await Api.Put($"/api/v1/clients/{f.Business}/just-in-time-policy", f.Owner, new { requireClientApproval = true });
        var id = await Active(f);
        await Api.Post($"{Of(id)}/approve", f.Owner);
        await Check(f.Member.UserId, f.Business, "accounting");
        await Api.Post($"{Of(id)}/end", f.Member);
        await Requested(f);
        await App.ShouldRebuildIdentically<JustInTimeAccess>(typeof(JustInTimeAccess));
        await App.ShouldRebuildIdentically<JustInTimePolicy>(typeof(JustInTimePolicy));
    }
}
