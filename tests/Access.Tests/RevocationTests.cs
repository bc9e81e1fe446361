using Holded.Partners.Access.Audit;
using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.Sessions;
using Holded.Partners.Collaboration.Collaborations;
using Holded.Partners.Collaboration.PendingWork;
using Holded.Partners.Kernel;

namespace Holded.Partners.Access.Tests;

/// <summary>
/// A revocation is in force on the node that answered by the time the answer is sent, for every reader: the ERP's check
/// and introspection, sessions, pending work, the collaboration itself and the clients table. Nothing here waits for
/// messages between the revoking answer and the reads: each read comes right after it, from memory that was warm.
/// </summary>
public class RevocationTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.access.check");

    private sealed record Firm(Guid Collaboration, Guid Partner, Actor Admin, Guid Business, Actor Owner, Actor Manager, string Token);

    /// <summary>A collaboration with a full grant, a manager assigned, the manager in a session, and every reader warmed up.</summary>
    private async Task<Firm> Working()
    {
        var (collaboration, partner, admin, business, owner) = await Api.Collaborating();
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" })).ShouldBe(HttpStatusCode.OK);
        await Api.Put($"/api/v1/clients/{business}/shared-sections", owner, new { sections = new[] { "accounting" } });
        var manager = await Api.AddMember(partner, admin, "account_manager");
        (await Api.Put($"/api/v1/collaborations/{collaboration}/managers", admin, new { userIds = new[] { manager.UserId } })).ShouldBe(HttpStatusCode.OK);
        var token = (await Api.Post("/api/v1/access/sessions", manager, new { clientAccountId = business }))
            .ShouldBe(HttpStatusCode.Created).As<SessionTicket>().Token;
        var firm = new Firm(collaboration, partner, admin, business, owner, manager, token);
        await ShouldReach(firm, manager);
        await ShouldReach(firm, admin);
        await App.QuietAsync(); // nothing of the set-up is still on its way: what follows is the revocation alone
        return firm;
    }

    private async Task<Decision> Check(Actor member, Guid business, string section = "accounting", string action = "write") =>
        (await Api.Post("/api/v1/access/check", Erp, new { userId = member.UserId, clientAccountId = business, section, action })).ShouldBe(HttpStatusCode.OK).As<Decision>();

    private async Task<Introspection> Introspect(string token) =>
        (await Api.Post("/api/v1/access/introspect", Erp, new { token })).ShouldBe(HttpStatusCode.OK).As<Introspection>();

    private async Task ShouldReach(Firm firm, Actor member)
    {
        (await Check(member, firm.Business)).Allowed.ShouldBeTrue();
        (await Api.Get($"/api/v1/collaborations/{firm.Collaboration}", member)).ShouldBe(HttpStatusCode.OK);
        (await Api.Get($"/api/v1/collaborations/{firm.Collaboration}/pending-work", member)).ShouldBe(HttpStatusCode.OK);
        var clients = await Api.GetAs<Page<ClientRow>>($"/api/v1/partners/{firm.Partner}/clients?mine=true", member);
        clients.Items.Count.ShouldBe(member == firm.Manager ? 1 : 0);
        if (member == firm.Manager) (await Introspect(firm.Token)).Active.ShouldBeTrue();
    }

    /// <summary>Everything a member could read or do through the collaboration, refused, right after the revoking answer.</summary>
    private async Task ShouldReachNothing(Firm firm, Actor member, string reason)
    {
        var check = await Check(member, firm.Business);
        check.Allowed.ShouldBeFalse();
        check.Reason.ShouldBe(reason);
        if (member == firm.Manager)
        {
            var introspection = await Introspect(firm.Token);
            introspection.Active.ShouldBeFalse(introspection.ToString());
            introspection.Reason.ShouldBe(reason);
        }
        (await Api.Post("/api/v1/access/sessions", member, new { clientAccountId = firm.Business })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/collaborations/{firm.Collaboration}/pending-work", member)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get($"/api/v1/collaborations/{firm.Collaboration}", member)).ShouldBeProblem(HttpStatusCode.NotFound);
        var clients = await Api.Get($"/api/v1/partners/{firm.Partner}/clients?mine=true", member);
        if (clients.Status == HttpStatusCode.OK) clients["items"].AsArray().ShouldBeEmpty();
        else clients.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ending_the_collaboration_is_in_force_when_it_is_answered()
    {
        var firm = await Working();
        (await Api.Post($"/api/v1/collaborations/{firm.Collaboration}/end", firm.Owner, new { reason = "Cambiamos de gestoría.", confirm = true }))
            .ShouldBe(HttpStatusCode.OK);

        await ShouldReachNothing(firm, firm.Manager, "collaboration_ended");
        var admin = await Check(firm.Admin, firm.Business);
        admin.Reason.ShouldBe("collaboration_ended");
        (await Api.Post("/api/v1/access/sessions", firm.Admin, new { clientAccountId = firm.Business })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.GetAs<CollaborationView>($"/api/v1/collaborations/{firm.Collaboration}", firm.Admin)).Status.ShouldBe("ended");
    }

    [Fact]
    public async Task removing_a_member_is_in_force_when_it_is_answered()
    {
        var firm = await Working();
        (await Api.Delete($"/api/v1/accounts/{firm.Partner}/members/{firm.Manager.UserId}", firm.Admin)).ShouldBe(HttpStatusCode.NoContent);
        await ShouldReachNothing(firm, firm.Manager, "member_removed");
    }

    [Fact]
    public async Task unassigning_a_manager_is_in_force_when_it_is_answered()
    {
        var firm = await Working();
        (await Api.Put($"/api/v1/collaborations/{firm.Collaboration}/managers", firm.Admin, new { userIds = Array.Empty<string>() })).ShouldBe(HttpStatusCode.OK);
        await ShouldReachNothing(firm, firm.Manager, "not_assigned");
    }

    [Fact]
    public async Task demoting_an_administrator_is_in_force_when_it_is_answered()
    {
        var firm = await Working();
        var other = await Api.AddMember(firm.Partner, firm.Admin, "administrator");
        await ShouldReach(firm, other);
        await App.QuietAsync();
        (await Api.Put($"/api/v1/accounts/{firm.Partner}/members/{other.UserId}", firm.Admin, new { role = "account_manager" })).ShouldBe(HttpStatusCode.OK);
        await ShouldReachNothing(firm, other, "not_assigned");
    }

    [Fact]
    public async Task removing_or_narrowing_a_grant_is_in_force_when_it_is_answered()
    {
        var firm = await Working();
        (await Api.Put($"/api/v1/collaborations/{firm.Collaboration}/access-grant", firm.Owner, new { role = "read_only" })).ShouldBe(HttpStatusCode.OK);
        (await Check(firm.Manager, firm.Business)).Reason.ShouldBe("role_level_too_low");
        (await Introspect(firm.Token)).Permissions.ShouldNotBeNull()["accounting"].ShouldBe("read");

        (await Api.Delete($"/api/v1/collaborations/{firm.Collaboration}/access-grant", firm.Owner)).ShouldBe(HttpStatusCode.NoContent);
        var check = await Check(firm.Manager, firm.Business, action: "read");
        check.Reason.ShouldBe("grant_removed");
        (await Introspect(firm.Token)).Active.ShouldBeFalse();
        var work = await Api.GetAs<CollaborationPendingWork>($"/api/v1/collaborations/{firm.Collaboration}/pending-work", firm.Manager);
        work.Sections.ShouldBeEmpty(); // the collaboration stands; what the grant showed does not
    }

    [Fact]
    public async Task a_plan_downgrade_is_in_force_when_it_is_answered()
    {
        var firm = await Working(); // standard plan: accounting is in it
        (await Api.Put($"/api/v1/accounts/{firm.Business}/subscription", Actor.Operator(), new { status = "active", plan = "free" })).ShouldBe(HttpStatusCode.OK);
        (await Check(firm.Manager, firm.Business, action: "read")).Reason.ShouldBe("plan_excludes_section");
        (await Introspect(firm.Token)).Permissions.ShouldNotBeNull()["accounting"].ShouldBe("none");
        var work = await Api.GetAs<CollaborationPendingWork>($"/api/v1/collaborations/{firm.Collaboration}/pending-work", firm.Manager);
        work.Sections.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_trail_records_each_denial_with_its_final_reason()
    {
        var firm = await Working();
        var end = Api.Post($"/api/v1/collaborations/{firm.Collaboration}/end", firm.Owner, new { reason = "Fin.", confirm = true });
        var removal = Api.Delete($"/api/v1/accounts/{firm.Partner}/members/{firm.Manager.UserId}", firm.Admin);
        // The ERP keeps asking while both happen, and after.
        var asking = Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Check(firm.Manager, firm.Business)));
        await Task.WhenAll(end, removal, asking);
        (await end).Status.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Conflict);
        (await removal).Status.ShouldBeOneOf(HttpStatusCode.NoContent, HttpStatusCode.Conflict);
        await Check(firm.Manager, firm.Business);
        await App.DenialWindowsEndedAsync();

        var trail = await Api.GetAs<AuditPage>($"/api/v1/audit/access?clientAccountId={firm.Business}&type=access_denied&limit=200", firm.Owner);
        var reasons = trail.Items.Select(e => e.Reason!).Distinct().ToArray();
        reasons.ShouldNotBeEmpty();
        reasons.ShouldAllBe(r => r == "collaboration_ended" || r == "member_removed", string.Join(", ", reasons));
    }
}
