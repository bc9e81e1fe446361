using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Program;

public sealed record RejectApplication(string? Reason);

/// <summary>A reviewer rejects with a reason the firm reads; the firm may apply again.</summary>
public static class RejectApplicationEndpoint
{
    public static Task<(PartnerApplicationView?, Account?)> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        ApplicationReview.LoadAsync(id, session, ct);

    public static ProblemDetails Validate(RejectApplication command, PartnerApplicationView? application, Account? account, Caller caller)
    {
        var access = ApplicationReview.RequireReviewer(application, account, caller);
        return access.Status is not null ? access : new Check().Text("reason", command.Reason, 1000, min: 3).Result();
    }

    [WolverinePost("/api/v1/partner-applications/{id}/reject")]
    public static async Task<(PartnerApplicationView, OutgoingMessages)> Post(
        RejectApplication command, [NotBody] PartnerApplicationView application, Caller caller, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Account>(application.AccountId, ct);
        if (stream.Aggregate!.OpenApplicationId != application.Id)
            throw new JasperFx.ConcurrencyException("The application was decided meanwhile.", typeof(Account), application.AccountId);
        var reviewer = caller.UserId;
        var reason = command.Reason!.Trim();
        var now = clock.GetUtcNow();
        stream.AppendOne(new PartnerApplicationRejected(application.AccountId, application.Id, reason, reviewer));
        return (application with { Status = ApplicationStatus.Rejected, ReviewedBy = reviewer, ReviewedAt = now, RejectionReason = reason },
            [new Contract.PartnerApplicationDecided(application.AccountId, application.Id, ApplicationStatus.Rejected, reason, now)]);
    }
}
