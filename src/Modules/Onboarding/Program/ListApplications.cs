using Holded.Partners.Onboarding.Accounts;
using Holded.Partners.Onboarding.Identity;

namespace Holded.Partners.Onboarding.Program;

public static class ListApplicationsEndpoint
{
    public const string AllScope = "all";

    public static ProblemDetails Validate(string? status, string? scope, int? page, int? pageSize, Caller caller)
    {
        // scope=all asks for the platform's whole queue: said plainly, a firm's member is refused instead of shown their own.
        if (scope == AllScope && !caller.IsStaff) return Problems.Forbidden("Only platform staff see every partner application.");
        var scoped = new Check().OneOf("scope", scope, [AllScope], required: false).Result();
        if (scoped.Status is not null) return scoped;
        var paging = Paging.Validate(page, pageSize);
        return paging.Status is not null ? paging : new Check().OneOf("status", status, ApplicationStatus.All, required: false).Result();
    }

    /// <summary>
    /// Platform staff see every application (the reviewers' queue is status=pending, oldest first);
    /// anyone else sees the applications of the firms they belong to, unless they ask for scope=all (403).
    /// </summary>
    [WolverineGet("/api/v1/partner-applications")]
    public static async Task<Page<PartnerApplicationView>> Get(
        string? status, string? scope, int? page, int? pageSize, Caller caller, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<PartnerApplicationView>().AsQueryable();
        if (!caller.IsStaff)
        {
            var mine = await session.LoadAsync<UserMemberships>(caller.UserId, ct);
            var accounts = (mine?.Memberships ?? []).Select(m => m.AccountId).ToArray();
            query = query.Where(a => accounts.Contains(a.AccountId));
        }
        if (status is not null) query = query.Where(a => a.Status == status);
        return await query.OrderBy(a => a.SubmittedAt).ToPageAsync(page, pageSize, ct);
    }
}
