using JasperFx.Events;

namespace Holded.Partners.Onboarding.Accounts;

/// <summary>
/// Who an account was and who belonged to it, when: answered from the account stream's own events up to the instant
/// asked (the snapshot knows only today). Other modules ask it for records about the past, such as a firm's GDPR record.
/// </summary>
public static class AnswerAccountHistoriesHandler
{
    public static async Task<Contract.AccountHistories> Handle(Contract.AskAccountHistories question, IQuerySession session, CancellationToken ct)
    {
        var histories = new List<Contract.AccountHistory>();
        foreach (var id in question.AccountIds.Distinct())
            if (AccountHistories.Of(await session.Events.StreamAsync(id, ct), question.AsOf) is { } history) histories.Add(history);
        return new Contract.AccountHistories(histories);
    }
}

public static class AccountHistories
{
    /// <summary>The account's events up to <paramref name="asOf"/>, folded into spells; null when it was not registered by then.</summary>
    public static Contract.AccountHistory? Of(IReadOnlyList<IEvent> events, DateTimeOffset asOf)
    {
        var seen = events.Where(e => e.At() <= asOf).ToList();
        if (seen.Select(e => e.Data).OfType<AccountRegistered>().FirstOrDefault() is not { } registered) return null;
        var at = seen.First(e => e.Data is AccountRegistered).At();
        var plans = new List<Contract.PlanSpell> { new(registered.Plan, at, null) };
        var members = new List<Contract.MemberSpell>();

        // Closes the person's open spell at the event's instant; the role they held and who they are carry on.
        Contract.MemberSpell? Close(string userId, DateTimeOffset when)
        {
            var open = members.FindLastIndex(m => m.UserId == userId && m.To is null);
            if (open < 0) return null;
            var spell = members[open];
            members[open] = spell with { To = when };
            return spell;
        }

        foreach (var e in seen)
        {
            var when = e.At();
            switch (e.Data)
            {
                case SubscriptionChanged { Plan: { } plan } when plan != plans[^1].Plan:
                    plans[^1] = plans[^1] with { To = when };
                    plans.Add(new Contract.PlanSpell(plan, when, null));
                    break;
                case MemberJoined joined:
                    Close(joined.UserId, when);
                    members.Add(new Contract.MemberSpell(joined.UserId, joined.Name, joined.Email, joined.Role, when, null));
                    break;
                case MemberRoleChanged changed when Close(changed.UserId, when) is { } before:
                    members.Add(before with { Role = changed.ToRole, From = when, To = null });
                    break;
                case MemberRemoved removed:
                    Close(removed.UserId, when);
                    break;
            }
        }
        var (contact, address) = (registered.Contact, registered.Address);
        return new Contract.AccountHistory(registered.AccountId, registered.Kind, registered.LegalName, registered.TaxId, contact.Name, contact.Email,
            contact.Phone, address.Street, address.PostalCode, address.City, address.Province, at, plans, members);
    }
}
