using Holded.Partners.Onboarding.Accounts;

namespace Holded.Partners.Onboarding.Profiles;

public static class ProfileAccess
{
    public static async Task<(Account?, PartnerProfile?)> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct)
    {
        var account = await session.LoadAsync<Account>(accountId, ct);
        return (account, account is null ? null : await session.LoadAsync<PartnerProfile>(PartnerProfile.IdFor(accountId), ct));
    }

    /// <summary>A partner's administrators edit and submit its profile.</summary>
    public static ProblemDetails RequireEditor(Account? account, Caller caller)
    {
        if (account is null) return Problems.NotFound("partner");
        var access = AccountAccess.RequireManager(account, caller, "partner");
        if (access.Status is not null) return access;
        return account.IsPartner
            ? Problems.None
            : Problems.Refused(new Rule("not_a_partner", "Only a partner of the program has a profile; apply to the program first."));
    }

    public static Rule Stale(long expected, long actual) => new("stale_version",
        $"You edited version {expected} but the profile is at version {actual}; read it again and reapply your change.");
}
