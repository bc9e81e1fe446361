using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Program;

public static class GetApplicationEndpoint
{
    public static Task<(PartnerApplicationView?, Account?)> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        ApplicationReview.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(PartnerApplicationView? application, Account? account, Caller caller) =>
        application is null || account is null
            ? Problems.NotFound("partner application")
            : AccountAccess.RequireMemberOrStaff(account, caller, "partner application");

    [WolverineGet("/api/v1/partner-applications/{id}")]
    public static PartnerApplicationView Get(PartnerApplicationView application) => application;
}
