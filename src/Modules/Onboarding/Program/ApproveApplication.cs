using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Program;

/// <summary>A reviewer approves: the preconditions are checked again, and the firm becomes a partner.</summary>
public static class ApproveApplicationEndpoint
{
    public static Task<(PartnerApplicationView?, Account?)> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        ApplicationReview.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(PartnerApplicationView? application, Account? account, Caller caller)
    {
        var access = ApplicationReview.RequireReviewer(application, account, caller);
        return access.Status is not null ? access : Problems.RefuseIfAny(ProgramRules.Preconditions(account!));
    }

    [WolverinePost("/api/v1/partner-applications/{id}/approve")]
    public static async Task<(PartnerApplicationView, OutgoingMessages)> Post(
        [NotBody] PartnerApplicationView application, Caller caller, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Account>(application.AccountId, ct);
        var account = stream.Aggregate!;
        // Decided meanwhile, or a precondition broke meanwhile (a subscription lapsed): retrying gives the current answer.
        if (account.OpenApplicationId != application.Id || ProgramRules.Preconditions(account).Any())
            throw new JasperFx.ConcurrencyException("The account changed while the application was being approved.", typeof(Account), account.Id);
        var reviewer = caller.UserId;
        var now = clock.GetUtcNow();
        stream.AppendOne(new PartnerApplicationApproved(account.Id, application.Id, reviewer));
        return (application with { Status = ApplicationStatus.Approved, ReviewedBy = reviewer, ReviewedAt = now },
        [
            new Contract.PartnerApplicationDecided(account.Id, application.Id, ApplicationStatus.Approved, null, now),
            new Contract.PartnerAccepted(account.Id, account.LegalName, account.AdvisoryType!, now),
        ]);
    }
}
