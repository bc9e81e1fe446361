using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Program;

/// <summary>One admission condition as it stands for an account: the rule refused while it is not met, and what it says.</summary>
public sealed record ProgramCondition(string Rule, bool Met, string Message);

/// <summary>The program's admission rules, checked when a firm applies and again when a reviewer approves.</summary>
public static class ProgramRules
{
    /// <summary>Every condition, met or not: the checklist a firm reads before applying.</summary>
    public static IReadOnlyList<ProgramCondition> Checklist(Account account)
    {
        var advisory = account.Kind == AccountKinds.Advisory;
        var active = account.SubscriptionStatus == SubscriptionStatuses.Active;
        var eligibleType = advisory && AdvisoryTypes.Eligible.Contains(account.AdvisoryType ?? "");
        return
        [
            new("account_not_advisory", advisory, advisory
                ? "The account is an advisory account."
                : "Only advisory accounts (accounting firms) can join the partner program."),
            new("subscription_not_active", active, active
                ? "The subscription is active."
                : $"The subscription is {account.SubscriptionStatus}; it must be active (paid up) to join the program."),
            // Only an advisory account has a type; a business is refused by the first condition alone.
            new("advisory_type_not_eligible", eligibleType || !advisory, eligibleType
                ? $"The advisory type {account.AdvisoryType} is admitted."
                : advisory
                    ? $"The advisory type is {account.AdvisoryType}; the program admits {string.Join(", ", AdvisoryTypes.Eligible)}."
                    : "Only advisory accounts have an advisory type."),
        ];
    }

    /// <summary>The conditions not met, as the rules a submit or an approval is refused with.</summary>
    public static IEnumerable<Rule> Preconditions(Account account) =>
        Checklist(account).Where(c => !c.Met).Select(c => new Rule(c.Rule, c.Message));
}
