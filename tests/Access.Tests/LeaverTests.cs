using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.Reviews;
using Holded.Partners.Access.Sessions;
using Holded.Partners.Kernel;
using InvitationView = Holded.Partners.Onboarding.Team.InvitationView;

namespace Holded.Partners.Access.Tests;

/// <summary>
/// The leaver view: for one member, everything they reach today (clients, open sessions, the invitations they sent
/// that are pending), and its one action, the member's removal, which ends all of it at once.
/// </summary>
public class LeaverTests(PartnersApp app) : AppTest(app)
{
    private static readonly Actor Erp = Actor.Service("partners.access.check");

    private static string Reach(Guid partner, Actor member) => $"/api/v1/partners/{partner}/members/{member.UserId}/reach";

    [Fact]
    public async Task a_leaver_is_shown_what_they_reach_and_loses_it_all_in_one_removal()
    {
        var (collaboration, partner, admin, business, owner) = await Api.Collaborating();
        (await Api.Put($"/api/v1/collaborations/{collaboration}/access-grant", owner, new { role = "full_advisor" })).ShouldBe(HttpStatusCode.OK);
        var (_, otherConversation) = await Api.RequestedCollaboration(Actor.Person("Second Owner"), partner);
        await Api.AcceptRequest(admin, otherConversation);
        var leaver = await Api.AddMember(partner, admin, "administrator");
        var manager = await Api.AddMember(partner, admin, "account_manager");
        await Api.Settled(() => Api.Put($"/api/v1/collaborations/{collaboration}/managers", admin, new { userIds = new[] { manager.UserId } }));
        var invitation = (await Api.Post($"/api/v1/accounts/{partner}/invitations", leaver, new { email = "nuevo@gestoria.es", role = "account_manager" }))
            .ShouldBe(HttpStatusCode.Created).Id;
        var token = (await Api.Post("/api/v1/access/sessions", leaver, new { clientAccountId = business })).ShouldBe(HttpStatusCode.Created).As<SessionTicket>();

        var reach = await Api.GetAs<MemberReach>(Reach(partner, leaver), admin);
        reach.Role.ShouldBe("administrator");
        reach.Clients.Count.ShouldBe(2); // an administrator reaches every client
        reach.Clients.ShouldAllBe(c => !c.Assigned);
        reach.Sessions.ShouldHaveSingleItem().SessionId.ShouldBe(token.SessionId);
        reach.Invitations.ShouldHaveSingleItem().InvitationId.ShouldBe(invitation);
        reach.RemoveWith.ShouldBe($"DELETE /api/v1/accounts/{partner}/members/{leaver.UserId}");
        // An account manager reaches only the clients assigned to them.
        (await Api.GetAs<MemberReach>(Reach(partner, manager), admin)).Clients.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.CollaborationId.ShouldBe(collaboration), c => c.Assigned.ShouldBeTrue());

        (await Api.Delete($"/api/v1/accounts/{partner}/members/{leaver.UserId}", admin)).ShouldBe(HttpStatusCode.NoContent);
        // Right after the answer: the check, the token and the session refuse, and the invitation is revoked.
        var check = (await Api.Post("/api/v1/access/check", Erp, new { userId = leaver.UserId, clientAccountId = business, section = "accounting", action = "read" }))
            .ShouldBe(HttpStatusCode.OK).As<Decision>();
        check.Reason.ShouldBe("member_removed");
        var introspection = (await Api.Post("/api/v1/access/introspect", Erp, new { token = token.Token })).ShouldBe(HttpStatusCode.OK).As<Introspection>();
        introspection.Active.ShouldBeFalse();
        introspection.Reason.ShouldBe("member_removed");
        (await Api.Post("/api/v1/access/sessions", leaver, new { clientAccountId = business })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.GetAs<InvitationView>($"/api/v1/invitations/{invitation}", admin)).Status.ShouldBe("revoked");
        (await Api.Get(Reach(partner, leaver), admin)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task only_the_firms_administrators_see_a_members_reach()
    {
        var (_, partner, admin, business, owner) = await Api.Collaborating();
        var manager = await Api.AddMember(partner, admin, "account_manager");
        var stranger = Actor.Person("Another Firm Admin");
        await Api.RegisterFirm(stranger);

        (await Api.Get(Reach(partner, manager), null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Api.Get(Reach(partner, admin), manager)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await Api.Get(Reach(partner, manager), stranger)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get(Reach(partner, manager), owner)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.Get(Reach(business, owner), owner)).ShouldBeProblem(HttpStatusCode.NotFound); // a business has no leavers here
        (await Api.Get(Reach(partner, Actor.Person()), admin)).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Api.GetAs<MemberReach>(Reach(partner, admin), admin)).Invitations.ShouldBeEmpty(); // the manager's was accepted: only pending ones count
    }
}
