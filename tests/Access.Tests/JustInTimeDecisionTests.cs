using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.Grants;
using Holded.Partners.Access.JustInTime;
using Holded.Partners.Access.Replicas;
using Holded.Partners.Kernel;

namespace Holded.Partners.Access.Tests;

/// <summary>The access decision with just-in-time access among its facts: pure, so each condition is one line.</summary>
public class JustInTimeDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid ClientId = Guid.NewGuid();

    private static readonly AccessAccount Firm = new()
    {
        Id = Guid.NewGuid(), Kind = AccountKinds.Advisory, Name = "Firma",
        Members = [new ReplicaMember("ana", "ana@x.es", "Ana", Roles.Administrator, false, 1), new ReplicaMember("sara", "sara@x.es", "Sara", Roles.AccountManager, false, 2)],
    };

    private static readonly AccessCollaboration Collaboration = new() { Id = Guid.NewGuid(), ClientAccountId = ClientId, PartnerAccountId = Firm.Id, Started = true };

    private static Grant Grant(DateTimeOffset? since = null, string status = GrantStatus.Active) =>
        new(Grants.Grant.IdFor(Collaboration.Id), Collaboration.Id, ClientId, Firm.Id, status, "accountant", null, 1, since ?? Now.AddDays(-1));

    private static JustInTimeAccess Access(string status = JustInTimeStatus.Active, DateTimeOffset? expires = null, long memberVersion = 2) =>
        new(Guid.NewGuid(), Collaboration.Id, ClientId, Firm.Id, "sara", "Cierre", ["accounting", "invoicing"], 4, false, status, Now.AddHours(-2),
            StartedAt: Now.AddHours(-1), ExpiresAt: expires ?? Now.AddHours(3), MemberVersion: memberVersion);

    private static Decision Decide(string section, string action, JustInTimeAccess? access, Grant? grant = null, AccessAccount? firm = null, string plan = "standard") =>
        AccessDecision.Decide(new AccessDecision.Facts("sara", section, action, Now,
            new AccessAccount { Id = ClientId, Kind = AccountKinds.Business, Plan = plan, Name = "Cliente" },
            [(Collaboration, firm ?? Firm, grant ?? Grant())], access is null ? [] : [access]));

    [Fact]
    public void approved_access_in_force_allows_the_sections_asked_at_the_grants_level()
    {
        Decide("accounting", "write", Access()).ShouldBe(new Decision(true, "write", Reasons.JustInTime, Collaboration.Id, "accountant"));
        Decide("invoicing", "write", Access()).Reason.ShouldBe(Reasons.RoleLevelTooLow); // the grant gives invoicing read only
        Decide("banking", "read", Access()).Reason.ShouldBe(Reasons.NotAssigned); // granted, not asked for
        Decide("accounting", "read", null).Reason.ShouldBe(Reasons.NotAssigned);
        Decide("accounting", "read", Access(), plan: "free").Reason.ShouldBe(Reasons.PlanExcludesSection);
    }

    [Fact]
    public void it_allows_nothing_once_expired_ended_pending_or_off_what_it_sat_on()
    {
        Decide("accounting", "read", Access(expires: Now)).Reason.ShouldBe(Reasons.NotAssigned);
        Decide("accounting", "read", Access(JustInTimeStatus.Pending)).Reason.ShouldBe(Reasons.NotAssigned);
        Decide("accounting", "read", Access(JustInTimeStatus.Ended)).Reason.ShouldBe(Reasons.NotAssigned);
        Decide("accounting", "read", Access(memberVersion: 1)).Reason.ShouldBe(Reasons.NotAssigned); // removed and back since
        Decide("accounting", "read", Access(), Grant(since: Now.AddMinutes(-1))).Reason.ShouldBe(Reasons.NotAssigned); // granted again since
        Decide("accounting", "read", Access(), Grant(status: GrantStatus.Removed)).Reason.ShouldBe(Reasons.GrantRemoved);
        var removed = new AccessAccount { Id = Firm.Id, Kind = AccountKinds.Advisory, Members = [Firm.Members[0], Firm.Members[1] with { Removed = true }] };
        Decide("accounting", "read", Access(), firm: removed).Reason.ShouldBe(Reasons.MemberRemoved);
    }
}
