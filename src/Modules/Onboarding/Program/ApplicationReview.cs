using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Program;

/// <summary>What approving and rejecting share: finding the application and its account, and who may decide.</summary>
public static class ApplicationReview
{
    public static async Task<(PartnerApplicationView?, Account?)> LoadAsync(Guid id, IQuerySession session, CancellationToken ct)
    {
        var application = await session.LoadAsync<PartnerApplicationView>(id, ct);
        return (application, application is null ? null : await session.LoadAsync<Account>(application.AccountId, ct));
    }

    /// <summary>The firm and platform staff may see the application; only a reviewer decides it.</summary>
    public static ProblemDetails RequireReviewer(PartnerApplicationView? application, Account? account, Caller caller)
    {
        if (application is null || account is null) return Problems.NotFound("partner application");
        if (caller.Is(PlatformRoles.Reviewer) && account.IsMember(caller.UserId))
            return Problems.Forbidden("A reviewer does not decide an application of a firm they belong to; another reviewer must.");
        if (caller.Is(PlatformRoles.Reviewer))
            return application.Status == ApplicationStatus.Pending
                ? Problems.None
                : Problems.Conflict("application_not_pending", $"The application was already {application.Status}.");
        return account.IsMember(caller.UserId) || caller.IsStaff
            ? Problems.Forbidden("Only a platform reviewer approves or rejects partner applications.")
            : Problems.NotFound("partner application");
    }
}
