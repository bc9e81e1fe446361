using Holded.Partners.Onboarding.Accounts;
using JasperFx.Events;

namespace Holded.Partners.Onboarding.Program;

/// <summary>A reviewer approves: the preconditions are checked again, and the firm becomes a partner.</summary>
public static class ApproveApplicationEndpoint
{
    public static Task<(PartnerApplicationView?, IEventStream<Account>?)> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        ApplicationReview.ForDecisionAsync(id, session, ct);

    public static ProblemDetails Validate(PartnerApplicationView? application, IEventStream<Account>? stream, Caller caller)
    {
        var account = stream?.Aggregate;
        var access = ApplicationReview.RequireReviewer(application, account, caller);
        return access.Status is not null ? access : Problems.RefuseIfAny(ProgramRules.Preconditions(account!));
    }

    public static PartnerApplicationApproved Decide(Account account, Guid applicationId, Caller caller) =>
        new(account.Id, applicationId, caller.UserId);

    public static Committed<PartnerApplicationView> Answer(Guid id) => Committed.Read((session, ct) => ApplicationReview.CommittedAsync(id, session, ct));

    [WolverinePost("/api/v1/partner-applications/{id}/approve")]
    public static (Committed<PartnerApplicationView>, OutgoingMessages) Post(
        [NotBody] PartnerApplicationView application, IEventStream<Account> stream, Caller caller, TimeProvider clock)
    {
        var account = stream.Aggregate!;
        var approved = Decide(account, application.Id, caller);
        stream.AppendOne(approved);
        var now = clock.GetUtcNow();
        return (Answer(application.Id),
        [
            new Contract.PartnerApplicationDecided(account.Id, application.Id, ApplicationStatus.Approved, null, now),
            new Contract.PartnerAccepted(account.Id, account.LegalName, account.AdvisoryType!, now),
        ]);
    }
}
