using Holded.Partners.Onboarding.Accounts;
using JasperFx.Events;

namespace Holded.Partners.Onboarding.Program;

public sealed record SubmitApplication(Guid AccountId, string? Message);

/// <summary>Step 2: a firm's administrator applies to the partner program.</summary>
public static class SubmitApplicationEndpoint
{
    /// <summary>
    /// The account's stream, read once for writing (an empty id is bad input, not a stream): Validate reads that
    /// instance, and its version guards the commit, so two submits that both pass on version N make one application
    /// and a 409 (the second commit finds N+1).
    /// </summary>
    public static async Task<IEventStream<Account>?> LoadAsync(SubmitApplication command, IDocumentSession session, CancellationToken ct) =>
        command.AccountId == Guid.Empty ? null : await session.Events.FetchForWriting<Account>(command.AccountId, ct);

    public static ProblemDetails Validate(SubmitApplication command, IEventStream<Account>? stream, Caller caller)
    {
        var account = stream?.Aggregate;
        var input = new Check()
            .That(command.AccountId != Guid.Empty, "accountId", "is required: the id of the firm's account.")
            .Text("message", command.Message, 2000, required: false).Result();
        if (input.Status is not null) return input;
        if (account is null) return Problems.NotFound("account");
        var access = AccountAccess.RequireManager(account, caller);
        return access.Status is not null ? access : Problems.RefuseIfAny(Broken(account));
    }

    public static IEnumerable<Rule> Broken(Account account)
    {
        if (account.IsPartner) yield return new Rule("already_a_partner", "The firm is already a partner of the program.");
        if (account.OpenApplicationId is { } open)
            yield return new Rule("application_already_open",
                $"Application {open} is still waiting for review; a firm has one open application at a time.");
        foreach (var rule in ProgramRules.Preconditions(account)) yield return rule;
    }

    public static PartnerApplicationSubmitted Decide(SubmitApplication command, Account account, Caller caller, Guid applicationId) =>
        new(account.Id, applicationId, account.LegalName, account.TaxId, account.AdvisoryType,
            string.IsNullOrWhiteSpace(command.Message) ? null : command.Message.Trim(), caller.UserId);

    [WolverinePost("/api/v1/partner-applications")]
    public static CreationResponse<Guid> Post(SubmitApplication command, IEventStream<Account> stream, Caller caller)
    {
        var submitted = Decide(command, stream.Aggregate!, caller, Guid.CreateVersion7());
        stream.AppendOne(submitted);
        return new CreationResponse<Guid>($"/api/v1/partner-applications/{submitted.ApplicationId}", submitted.ApplicationId);
    }
}
