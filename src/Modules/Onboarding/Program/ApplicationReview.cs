using Holded.Partners.Onboarding.Accounts;
using JasperFx.Events;

namespace Holded.Partners.Onboarding.Program;

/// <summary>What approving and rejecting share: finding the application, its account loaded for writing, and who may decide.</summary>
public static class ApplicationReview
{
    public static async Task<(PartnerApplicationView?, Account?)> LoadAsync(Guid id, IQuerySession session, CancellationToken ct)
    {
        var application = await session.LoadAsync<PartnerApplicationView>(id, ct);
        return (application, application is null ? null : await session.LoadAsync<Account>(application.AccountId, ct));
    }

    /// <summary>
    /// The application (only to find its account) and the account's stream, read once for writing: every rule reads
    /// that one instance, and its version guards the commit, so a decision or a lapsed subscription committed meanwhile
    /// makes this write conflict (409).
    /// </summary>
    public static async Task<(PartnerApplicationView?, IEventStream<Account>?)> ForDecisionAsync(
        Guid id, IDocumentSession session, CancellationToken ct)
    {
        var application = await session.LoadAsync<PartnerApplicationView>(id, ct);
        return (application, application is null ? null : await session.Events.FetchForWriting<Account>(application.AccountId, ct));
    }

    /// <summary>The firm and platform staff may see the application; only a reviewer decides it, while it is still open.</summary>
    public static ProblemDetails RequireReviewer(PartnerApplicationView? application, Account? account, Caller caller)
    {
        if (application is null || account is null) return Problems.NotFound("partner application");
        if (caller.Is(PlatformRoles.Reviewer) && account.IsMember(caller.UserId))
            return Problems.Forbidden("A reviewer does not decide an application of a firm they belong to; another reviewer must.");
        if (caller.Is(PlatformRoles.Reviewer))
            return account.OpenApplicationId == application.Id
                ? Problems.None
                : Problems.Conflict("application_not_pending", application.Status == ApplicationStatus.Pending
                    ? "The application was decided meanwhile."
                    : $"The application was already {application.Status}.");
        return account.IsMember(caller.UserId) || caller.IsStaff
            ? Problems.Forbidden("Only a platform reviewer approves or rejects partner applications.")
            : Problems.NotFound("partner application");
    }

    /// <summary>The application as committed: its inline view, read after the decision (see <see cref="Committed{TAggregate}"/>).</summary>
    public static async Task<PartnerApplicationView> CommittedAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<PartnerApplicationView>(id, ct)
        ?? throw new InvalidOperationException($"Partner application {id} vanished after its own decision.");
}
