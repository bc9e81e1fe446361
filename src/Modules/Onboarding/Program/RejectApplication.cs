using Holded.Partners.Onboarding.Accounts;
using JasperFx.Events;

namespace Holded.Partners.Onboarding.Program;

public sealed record RejectApplication(string? Reason);

/// <summary>A reviewer rejects with a reason the firm reads; the firm may apply again.</summary>
public static class RejectApplicationEndpoint
{
    public static Task<(PartnerApplicationView?, IEventStream<Account>?)> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        ApplicationReview.ForDecisionAsync(id, session, ct);

    public static ProblemDetails Validate(RejectApplication command, PartnerApplicationView? application, IEventStream<Account>? stream, Caller caller)
    {
        var access = ApplicationReview.RequireReviewer(application, stream?.Aggregate, caller);
        return access.Status is not null ? access : new Check().Text("reason", command.Reason, 1000, min: 3).Result();
    }

    public static PartnerApplicationRejected Decide(RejectApplication command, Account account, Guid applicationId, Caller caller) =>
        new(account.Id, applicationId, command.Reason!.Trim(), caller.UserId);

    public static Committed<PartnerApplicationView> Answer(Guid id) => Committed.Read((session, ct) => ApplicationReview.CommittedAsync(id, session, ct));

    [WolverinePost("/api/v1/partner-applications/{id}/reject")]
    public static (Committed<PartnerApplicationView>, OutgoingMessages) Post(
        RejectApplication command, [NotBody] PartnerApplicationView application, IEventStream<Account> stream, Caller caller, TimeProvider clock)
    {
        var rejected = Decide(command, stream.Aggregate!, application.Id, caller);
        stream.AppendOne(rejected);
        return (Answer(application.Id),
            [new Contract.PartnerApplicationDecided(rejected.AccountId, application.Id, ApplicationStatus.Rejected, rejected.Reason, clock.GetUtcNow())]);
    }
}
