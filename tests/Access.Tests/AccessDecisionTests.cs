using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.Grants;
using Holded.Partners.Access.Replicas;
using Holded.Partners.Kernel;

namespace Holded.Partners.Access.Tests;

/// <summary>The access decision on its own, a pure function of the facts: every reason, and a member of two firms.</summary>
public class AccessDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid ClientId = Guid.NewGuid();

    private static AccessAccount Firm(params (string User, string Role, bool Removed)[] members) => new()
    {
        Id = Guid.NewGuid(), Kind = AccountKinds.Advisory, Name = "Firma",
        Members = [.. members.Select((m, i) => new ReplicaMember(m.User, $"{m.User}@x.es", m.User, m.Role, m.Removed, i + 1))],
    };

    private static AccessAccount Client(string plan) => new() { Id = ClientId, Kind = AccountKinds.Business, Plan = plan, Name = "Cliente" };

    private static AccessCollaboration Collaboration(AccessAccount firm, bool ended = false, params string[] managers) => new()
    {
        Id = Guid.NewGuid(), ClientAccountId = ClientId, PartnerAccountId = firm.Id, Started = true, Ended = ended,
        Managers = [.. managers.Select((m, i) => new ManagerMark(m, true, i + 1))],
    };

    private static Grant Grant(AccessCollaboration c, string status = GrantStatus.Active, string role = "accountant", DateTimeOffset? expires = null) =>
        new(Grants.Grant.IdFor(c.Id), c.Id, ClientId, c.PartnerAccountId, status, role, expires, 1, Now.AddDays(-1));

    private static Decision Decide(string user, string section, string action, string plan,
        params (AccessCollaboration, AccessAccount?, Grant?)[] collaborations) =>
        AccessDecision.Decide(new AccessDecision.Facts(user, section, action, Now, Client(plan), collaborations));

    [Fact]
    public void an_administrator_with_a_grant_acts_within_the_role_capped_by_the_plan()
    {
        var firm = Firm(("ana", Roles.Administrator, false));
        var c = Collaboration(firm);
        Decide("ana", "accounting", "write", "standard", (c, firm, Grant(c))).ShouldBe(new Decision(true, "write", Reasons.Granted, c.Id, "accountant"));
        Decide("ana", "invoicing", "write", "standard", (c, firm, Grant(c))).Reason.ShouldBe(Reasons.RoleLevelTooLow);
        Decide("ana", "accounting", "read", "free", (c, firm, Grant(c))).ShouldBe(new Decision(false, "none", Reasons.PlanExcludesSection, c.Id, "accountant"));
        Decide("ana", "payroll", "read", "premium", (c, firm, Grant(c))).ShouldBe(new Decision(false, "none", Reasons.RoleLevelTooLow, c.Id, "accountant"));
    }

    [Fact]
    public void each_refusal_names_what_is_missing()
    {
        var firm = Firm(("ana", Roles.Administrator, false), ("marta", Roles.AccountManager, false), ("luis", Roles.AccountManager, true));
        var c = Collaboration(firm);
        Decide("nadie", "accounting", "read", "premium", (c, firm, Grant(c))).Reason.ShouldBe(Reasons.NoCollaboration);
        Decide("ana", "accounting", "read", "premium").Reason.ShouldBe(Reasons.NoCollaboration);
        Decide("luis", "accounting", "read", "premium", (c, firm, Grant(c))).Reason.ShouldBe(Reasons.MemberRemoved);
        Decide("marta", "accounting", "read", "premium", (c, firm, Grant(c))).Reason.ShouldBe(Reasons.NotAssigned);
        Decide("ana", "accounting", "read", "premium", (c, firm, null)).Reason.ShouldBe(Reasons.NoGrant);
        Decide("ana", "accounting", "read", "premium", (c, firm, Grant(c, GrantStatus.Removed))).Reason.ShouldBe(Reasons.GrantRemoved);
        Decide("ana", "accounting", "read", "premium", (c, firm, Grant(c, GrantStatus.Expired))).Reason.ShouldBe(Reasons.GrantExpired);
        // Past its expiry it no longer works, even before the scheduled expiry is recorded.
        Decide("ana", "accounting", "read", "premium", (c, firm, Grant(c, expires: Now))).Reason.ShouldBe(Reasons.GrantExpired);
        var ended = Collaboration(firm, ended: true);
        Decide("ana", "accounting", "read", "premium", (ended, firm, Grant(ended))).Reason.ShouldBe(Reasons.CollaborationEnded);
        Decide("ana", "accounting", "read", "premium", (c, firm, Grant(c, GrantStatus.Terminated))).Reason.ShouldBe(Reasons.CollaborationEnded);
        Decide("ana", "accounting", "read", "premium", (c, null, Grant(c))).Reason.ShouldBe(Reasons.NoCollaboration); // a firm not known yet
    }

    [Fact]
    public void an_assigned_manager_reaches_the_client_and_a_removed_one_does_not()
    {
        var firm = Firm(("marta", Roles.AccountManager, false));
        var c = Collaboration(firm, false, "marta");
        Decide("marta", "taxes", "write", "basic", (c, firm, Grant(c))).Allowed.ShouldBeTrue();
        var removed = Firm(("marta", Roles.AccountManager, true));
        var still = Collaboration(removed, false, "marta");
        Decide("marta", "taxes", "write", "basic", (still, removed, Grant(still))).Reason.ShouldBe(Reasons.MemberRemoved);
    }

    [Fact]
    public void a_member_of_two_collaborating_firms_gets_the_best_answer_of_the_two()
    {
        var first = Firm(("eva", Roles.AccountManager, false));
        var second = Firm(("eva", Roles.Administrator, false));
        var notAssigned = Collaboration(first);
        var granted = Collaboration(second);
        var answer = Decide("eva", "accounting", "write", "premium", (notAssigned, first, Grant(notAssigned)), (granted, second, Grant(granted)));
        answer.Allowed.ShouldBeTrue();
        answer.CollaborationId.ShouldBe(granted.Id);
        // Refused by both: the more specific reason (a read-only grant says more than not being assigned).
        var readOnly = Decide("eva", "accounting", "write", "premium",
            (notAssigned, first, Grant(notAssigned)), (granted, second, Grant(granted, role: "read_only")));
        readOnly.Reason.ShouldBe(Reasons.RoleLevelTooLow);
        readOnly.CollaborationId.ShouldBe(granted.Id);
    }
}
