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

    /// <summary>The change, or nothing when it says again what is already so.</summary>
    public static SubscriptionChanged? Decide(ChangeSubscription command, Account account, Caller caller)
    {
        var plan = command.Plan ?? account.Plan;
        return command.Status == account.SubscriptionStatus && plan == account.Plan
            ? null
            : new SubscriptionChanged(account.Id, command.Status!, plan, caller.UserId);
    }

    /// <summary>The account as committed, as its GET shows it (see <see cref="Committed{TAggregate}"/>).</summary>
    public static Committed<AccountView> Answer(Guid id) => Committed.Read(async (session, ct) => AccountView.Of((await session.LoadAsync<Account>(id, ct))!));

    [WolverinePut("/api/v1/accounts/{id}/subscription")]
    public static (Committed<AccountView>, Events, Tell) Put(
        ChangeSubscription command, [Aggregate] Account account, Caller caller, TimeProvider clock)
    {
        if (Decide(command, account, caller) is not { } changed) return (Answer(account.Id), [], new Tell());
        return (Answer(account.Id), [changed],
            new Tell(new Contract.SubscriptionChanged(account.Id, account.Kind, changed.Status, changed.Plan, clock.GetUtcNow(), account.Version + 1)));
    }
}
