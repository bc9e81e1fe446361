using Holded.Partners.Onboarding.Accounts;
using JasperFx.Events;

namespace Holded.Partners.Onboarding.Profiles;

public static class ProfileAccess
{
    public static async Task<(Account?, PartnerProfile?)> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct)
    {
        var account = await session.LoadAsync<Account>(accountId, ct);
        return (account, account is null ? null : await session.LoadAsync<PartnerProfile>(PartnerProfile.IdFor(accountId), ct));
    }

    /// <summary>
    /// For a write: the profile's stream, read once for writing (its version guards the commit), and the account the
    /// rules read (who manages it, whether it is a partner), also read for writing with its version enforced at the
    /// commit although nothing is appended to it: an editor removed, or a partnership ended, meanwhile conflicts (409).
    /// </summary>
    public static async Task<(IEventStream<Account>?, IEventStream<PartnerProfile>)> ForWritingAsync(
        Guid accountId, IDocumentSession session, CancellationToken ct)
    {
        var account = await session.Events.FetchForWriting<Account>(accountId, ct);
        var profile = await session.Events.FetchForWriting<PartnerProfile>(PartnerProfile.IdFor(accountId), ct);
        if (account.Aggregate is null) return (null, profile);
        account.AlwaysEnforceConsistency = true;
        return (account, profile);
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
