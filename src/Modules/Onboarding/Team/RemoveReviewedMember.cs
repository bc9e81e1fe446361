using Holded.Partners.Onboarding.Accounts;
using Microsoft.Extensions.Logging;

namespace Holded.Partners.Onboarding.Team;

/// <summary>
/// An access review removed a member's role: they are removed from the firm as an administrator's removal does, with
/// the same decision and the same rule (the firm keeps an administrator). Idempotent: someone no longer a member, or
/// a removal the rule refuses now, changes nothing.
/// </summary>
public static class RemoveReviewedMemberHandler
{
    public static async Task<Tell> Handle(Contracts.Access.RemoveReviewedMember m, IDocumentSession session, ILogger<Contracts.Access.RemoveReviewedMember> log)
    {
        var stream = await session.Events.FetchForWriting<Account>(m.PartnerAccountId);
        if (stream.Aggregate is not { } account || account.MemberFor(m.UserId) is not { } member) return new Tell();
        if (RemoveMemberEndpoint.Broken(account, member).FirstOrDefault() is { } rule)
        {
            log.LogWarning("Access review {Review} left {User} in {Account}: {Rule}", m.ReviewId, m.UserId, m.PartnerAccountId, rule.Code);
            return new Tell();
        }
        var (events, told) = RemoveMemberEndpoint.Decide(account, m.UserId, m.By, m.At);
        stream.AppendMany(events);
        return new Tell(told);
    }
}
