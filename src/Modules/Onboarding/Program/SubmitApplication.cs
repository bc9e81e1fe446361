using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Program;

public sealed record SubmitApplication(Guid AccountId, string? Message);

/// <summary>Step 2: a firm's administrator applies to the partner program.</summary>
public static class SubmitApplicationEndpoint
{
    public static async Task<Account?> LoadAsync(SubmitApplication command, IQuerySession session, CancellationToken ct) =>
        command.AccountId == Guid.Empty ? null : await session.LoadAsync<Account>(command.AccountId, ct);

    public static ProblemDetails Validate(SubmitApplication command, Account? account, Caller caller)
    {
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

    [WolverinePost("/api/v1/partner-applications")]
    public static async Task<CreationResponse<Guid>> Post(
        SubmitApplication command, Caller caller, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Account>(command.AccountId, ct);
        var account = stream.Aggregate!;
        // Checked again on the version being written: two submits at once make one application.
        if (Broken(account).Any())
            throw new JasperFx.ConcurrencyException("The account changed while applying.", typeof(Account), account.Id);
        var submitted = new PartnerApplicationSubmitted(account.Id, Guid.CreateVersion7(), account.LegalName, account.TaxId,
            account.AdvisoryType, string.IsNullOrWhiteSpace(command.Message) ? null : command.Message.Trim(), caller.UserId);
        stream.AppendOne(submitted);
        return new CreationResponse<Guid>($"/api/v1/partner-applications/{submitted.ApplicationId}", submitted.ApplicationId);
    }
}
