using Holded.Partners.Onboarding.Accounts;
using Wolverine.Http.Marten;

namespace Holded.Partners.Onboarding.Program;

/// <param name="Conditions">Each admission condition, met or not, by the rule a submit is refused with.</param>
/// <param name="CanApply">Whether a submit would pass the program's rules now (who may submit is still the submit's to decide).</param>
/// <param name="Rules">What a submit would be refused with now: the unmet conditions, an open application, already a partner.</param>
/// <param name="LatestApplication">The firm's most recent application, whatever its status.</param>
public sealed record ProgramEligibility(
    Guid AccountId, bool IsPartner, Guid? OpenApplicationId, IReadOnlyList<ProgramCondition> Conditions, bool CanApply,
    IReadOnlyList<RefusedRule> Rules, PartnerApplicationView? LatestApplication);

/// <summary>A rule in the shape a 422 names it: { rule, message }.</summary>
public sealed record RefusedRule(string Rule, string Message);

/// <summary>
/// Step 2 before applying: where a firm stands against the program's rules, computed by the very rules a submit and an
/// approval are decided by (<see cref="ProgramRules"/>, <see cref="SubmitApplicationEndpoint.Broken"/>).
/// </summary>
public static class GetProgramEligibilityEndpoint
{
    public static ProblemDetails Validate(Account account, Caller caller) => AccountAccess.RequireMemberOrStaff(account, caller);

    [WolverineGet("/api/v1/accounts/{id}/program-eligibility")]
    public static async Task<ProgramEligibility> Get([Document(Required = true)] Account account, IQuerySession session, CancellationToken ct)
    {
        var latest = await session.Query<PartnerApplicationView>().Where(a => a.AccountId == account.Id)
            .OrderByDescending(a => a.SubmittedAt).FirstOrDefaultAsync(ct);
        var rules = SubmitApplicationEndpoint.Broken(account).Select(r => new RefusedRule(r.Code, r.Message)).ToList();
        return new ProgramEligibility(account.Id, account.IsPartner, account.OpenApplicationId, ProgramRules.Checklist(account),
            rules.Count == 0, rules, latest);
    }
}
