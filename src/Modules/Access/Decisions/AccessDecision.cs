using Holded.Partners.Access.Catalog;
using Holded.Partners.Access.Grants;
using Holded.Partners.Access.Replicas;

namespace Holded.Partners.Access.Decisions;

public static class Reasons
{
    public const string Granted = "granted";
    public const string NoCollaboration = "no_collaboration";
    public const string CollaborationEnded = "collaboration_ended";
    public const string MemberRemoved = "member_removed";
    public const string NotAssigned = "not_assigned";
    public const string NoGrant = "no_grant";
    public const string GrantRemoved = "grant_removed";
    public const string GrantExpired = "grant_expired";
    public const string PlanExcludesSection = "plan_excludes_section";
    public const string RoleLevelTooLow = "role_level_too_low";
}

/// <summary>An answer to "may this member do this in this client's account", with the reason either way.</summary>
public sealed record Decision(bool Allowed, string Level, string Reason, Guid? CollaborationId, string? Role);

/// <summary>
/// What a firm member may do in a client's account, decided from state only: the member's place in the firm, the
/// collaboration (active, and assigned to them unless they administer the firm), the grant (in force, not past its
/// expiry), the role's level for the section, and the client's plan. Pure: the same facts give the same answer.
/// </summary>
public static class AccessDecision
{
    public sealed record Facts(
        string UserId, string Section, string Action, DateTimeOffset Now, AccessAccount? Client,
        IReadOnlyList<(AccessCollaboration Collaboration, AccessAccount? Firm, Grant? Grant)> Collaborations);

    public static Decision Decide(Facts facts)
    {
        Decision? best = null;
        foreach (var (collaboration, firm, grant) in facts.Collaborations)
        {
            if (firm is null || !EverMember(firm, facts.UserId)) continue;
            var decision = DecideOne(facts, collaboration, firm, grant);
            // The best answer among the member's firms: allowed first, then the most specific refusal.
            if (best is null || (decision.Allowed != best.Allowed ? decision.Allowed : Specificity(decision.Reason) > Specificity(best.Reason)))
                best = decision;
        }
        return best ?? Deny(Reasons.NoCollaboration);
    }

    // Removed members stay in the firm's replica as tombstones: they are told "member_removed", not "no_collaboration".
    private static bool EverMember(AccessAccount firm, string userId)
    {
        foreach (var member in firm.Members)
            if (member.UserId == userId) return true;
        return false;
    }

    private static Decision DecideOne(Facts facts, AccessCollaboration collaboration, AccessAccount firm, Grant? grant)
    {
        Decision Deny(string reason) => new(false, Levels.None, reason, collaboration.Id, grant?.Role);
        if (!collaboration.Active || grant?.Status == GrantStatus.Terminated) return Deny(Reasons.CollaborationEnded);
        if (!firm.IsMember(facts.UserId)) return Deny(Reasons.MemberRemoved);
        // The firm's side of the reach (the client's members are not asking here): its administrators and assigned managers.
        if (!collaboration.Reaches(facts.UserId, client: null, firm)) return Deny(Reasons.NotAssigned);
        if (grant is null || grant.Status == GrantStatus.None) return Deny(Reasons.NoGrant);
        if (grant.Status == GrantStatus.Removed) return Deny(Reasons.GrantRemoved);
        if (grant.Status == GrantStatus.Expired || grant.ExpiresAt <= facts.Now) return Deny(Reasons.GrantExpired);

        var roleLevel = AccessCatalog.Role(grant.Role)!.Sections[facts.Section];
        var effective = AccessCatalog.Effective(grant.Role!, facts.Client?.Plan)[facts.Section];
        if (roleLevel != Levels.None && effective == Levels.None) return Deny(Reasons.PlanExcludesSection) with { Level = Levels.None };
        var needed = facts.Action == "write" ? Levels.Write : Levels.Read;
        return Levels.Rank(effective) >= Levels.Rank(needed)
            ? new Decision(true, effective, Reasons.Granted, collaboration.Id, grant.Role)
            : new Decision(false, effective, Reasons.RoleLevelTooLow, collaboration.Id, grant.Role);
    }

    private static Decision Deny(string reason) => new(false, Levels.None, reason, null, null);

    // Further down the checks is more specific: it tells the caller more precisely what is missing.
    private static int Specificity(string reason) => reason switch
    {
        Reasons.Granted => 9, Reasons.RoleLevelTooLow => 8, Reasons.PlanExcludesSection => 7, Reasons.GrantExpired => 6,
        Reasons.GrantRemoved => 5, Reasons.NoGrant => 4, Reasons.NotAssigned => 3, Reasons.MemberRemoved => 2,
        Reasons.CollaborationEnded => 1, _ => 0,
    };
}
