using Holded.Partners.Onboarding.Accounts;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace Holded.Partners.Onboarding.Program;

public sealed record SubmitApplication(Guid AccountId, string? Message);

/// <summary>Step 2: a firm's administrator applies to the partner program.</summary>
public static class SubmitApplicationEndpoint
{
    public static ProblemDetails Validate(SubmitApplication command, Account account, ClaimsPrincipal user)
    {
        var access = AccountAccess.RequireManager(account, Caller.From(user));
        if (access.Status is not null) return access;
        var input = new Check().Text("message", command.Message, 2000, required: false).Result();
        return input.Status is not null ? input : Problems.RefuseIfAny(Broken(account));
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
    public static (CreationResponse<Guid>, Events) Post(SubmitApplication command, [Aggregate] Account account, ClaimsPrincipal user)
    {
        var submitted = new PartnerApplicationSubmitted(account.Id, Guid.CreateVersion7(), account.LegalName, account.TaxId,
            account.AdvisoryType, string.IsNullOrWhiteSpace(command.Message) ? null : command.Message.Trim(), Caller.From(user).UserId);
        return (new CreationResponse<Guid>($"/api/v1/partner-applications/{submitted.ApplicationId}", submitted.ApplicationId), [submitted]);
    }
}
