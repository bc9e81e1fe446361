using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace Holded.Partners.Onboarding.Accounts;

public sealed record ChangeSubscription(string? Status, string? Plan);

/// <summary>Billing facts come from the platform: an operator, or the ERP's billing service.</summary>
public static class ChangeSubscriptionEndpoint
{
    public static ProblemDetails Validate(ChangeSubscription command, Account account, Caller caller)
    {
        if (!caller.Is(PlatformRoles.Operator) && !caller.Has(ServiceScopes.Billing))
            return account.IsMember(caller.UserId) || caller.IsStaff
                ? Problems.Forbidden("Only a platform operator or the billing service changes a subscription.")
                : Problems.NotFound("account");

        var check = new Check().OneOf("status", command.Status, SubscriptionStatuses.All);
        if (account.Kind == AccountKinds.Business)
            check.OneOf("plan", command.Plan, Catalogs.Plans, required: false);
        else
            check.That(command.Plan is null, "plan", "applies to business accounts only.");
        return check.Result();
    }

    [WolverinePut("/api/v1/accounts/{id}/subscription")]
    public static (AccountView, Events, Tell) Put(
        ChangeSubscription command, [Aggregate] Account account, Caller caller, TimeProvider clock)
    {
        var changed = new SubscriptionChanged(account.Id, command.Status!, command.Plan ?? account.Plan, caller.UserId);
        var after = account.Apply(changed);
        var events = new Events();
        var told = new List<object>();
        // Saying again what is already so records nothing.
        if (after.SubscriptionStatus != account.SubscriptionStatus || after.Plan != account.Plan)
        {
            events.Add(changed);
            told.Add(new Contract.SubscriptionChanged(account.Id, account.Kind, after.SubscriptionStatus, after.Plan, clock.GetUtcNow(), account.Version + 1));
        }
        return (GetAccountEndpoint.Get(after) with { Version = account.Version + events.Count }, events, new Tell(told));
    }
}
