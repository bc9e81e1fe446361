using Holded.Partners.Onboarding.Accounts;
using Wolverine.Http.Marten;

namespace Holded.Partners.Onboarding.Team;

public static class ListMembersEndpoint
{
    public static ProblemDetails Validate(Account account, Caller caller, int? page, int? pageSize)
    {
        var access = AccountAccess.RequireMemberOrStaff(account, caller);
        return access.Status is not null ? access : Paging.Validate(page, pageSize);
    }

    /// <summary>The account's team, in the order people joined.</summary>
    [WolverineGet("/api/v1/accounts/{id}/members")]
    public static Task<Page<TeamMember>> Get(
        [Document] Account account, int? page, int? pageSize, IQuerySession session, CancellationToken ct) =>
        session.Query<TeamMember>().Where(m => m.AccountId == account.Id && !m.Removed)
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.Email)
            .ToPageAsync(page, pageSize, ct);
}
