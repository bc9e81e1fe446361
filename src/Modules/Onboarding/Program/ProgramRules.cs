using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Program;

/// <summary>The program's admission rules, checked when a firm applies and again when a reviewer approves.</summary>
public static class ProgramRules
{
    public static IEnumerable<Rule> Preconditions(Account account)
    {
        if (account.Kind != AccountKinds.Advisory)
            yield return new Rule("account_not_advisory", "Only advisory accounts (accounting firms) can join the partner program.");
        if (account.SubscriptionStatus != SubscriptionStatuses.Active)
            yield return new Rule("subscription_not_active",
                $"The subscription is {account.SubscriptionStatus}; it must be active (paid up) to join the program.");
        if (account.Kind == AccountKinds.Advisory && !AdvisoryTypes.Eligible.Contains(account.AdvisoryType ?? ""))
            yield return new Rule("advisory_type_not_eligible",
                $"The advisory type is {account.AdvisoryType}; the program admits {string.Join(", ", AdvisoryTypes.Eligible)}.");
    }
}
