using Holded.Partners.Access.Catalog;
using Holded.Partners.Access.Grants;
using Holded.Partners.Access.JustInTime;
using Holded.Partners.Access.Replicas;

namespace Holded.Partners.Access.Decisions;

public static class Reasons
{
    public const string Granted = "granted";
    /// <summary>Allowed to a member not assigned to the client, through approved just-in-time access in force.</summary>
    public const string JustInTime = "just_in_time";
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
/// collaboration (active, and assigned to them unless they administer the firm, or else reached through approved
/// just-in-time access for the section), the grant (in force, not past its expiry), the role's level for the section,
/// and the client's plan. Pure: the same facts give the same answer.
/// </summary>
public static class AccessDecision
{
    /// <param name="JustInTime">The client's approved just-in-time access not ended (past its expiry or not: decided here).</param>
    public sealed record Facts(
        string UserId, string Section, string Action, DateTimeOffset Now, AccessAccount? Client,
        IReadOnlyList<(AccessCollaboration Collaboration, AccessAccount? Firm, Grant? Grant)> Collaborations,
        IReadOnlyList<JustInTimeAccess>? JustInTime = null);

    public static Decision Decide(Facts facts)
    {
        Decision? best = null;
        foreach (var (collaboration, firm, grant) in facts.Collaborations)
        {
            if (firm is null || !EverMember(firm, facts.UserId)) continue;
            best = Better(best, DecideOne(facts, collaboration, firm, grant));
        }
        return best ?? Deny(Reasons.NoCollaboration);
    }

    /// <summary>
    /// The best answer for any of the sections: what a session decides on, since it holds all the sections it may reach
    /// (a member reached through just-in-time access reaches only the sections asked for, not the catalog's first).
    /// </summary>
    public static Decision DecideAny(Facts facts, IEnumerable<string> sections)
    {
        Decision? best = null;
        foreach (var section in sections) best = Better(best, Decide(facts with { Section = section }));
        return best ?? Deny(Reasons.NoCollaboration);
    }

    // Allowed first, then the most specific refusal.
    private static Decision Better(Decision? best, Decision decision) =>
        best is null || (decision.Allowed != best.Allowed ? decision.Allowed : Specificity(decision.Reason) > Specificity(best.Reason)) ? decision : best;

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
        var justInTime = collaboration.Reaches(facts.UserId, client: null, firm) ? null : JustInTimeFor(facts, collaboration, firm, grant);
        if (!collaboration.Reaches(facts.UserId, client: null, firm) && justInTime is null) return Deny(Reasons.NotAssigned);
        if (grant is null || grant.Status == GrantStatus.None) return Deny(Reasons.NoGrant);
        if (grant.Status == GrantStatus.Removed) return Deny(Reasons.GrantRemoved);
        if (grant.Status == GrantStatus.Expired || grant.ExpiresAt <= facts.Now) return Deny(Reasons.GrantExpired);

        var roleLevel = AccessCatalog.Role(grant.Role)!.Sections[facts.Section];
        var effective = AccessCatalog.Effective(grant.Role!, facts.Client?.Plan)[facts.Section];
        if (roleLevel != Levels.None && effective == Levels.None) return Deny(Reasons.PlanExcludesSection) with { Level = Levels.None };
        var needed = facts.Action == "write" ? Levels.Write : Levels.Read;
        return Levels.Rank(effective) >= Levels.Rank(needed)
            ? new Decision(true, effective, justInTime is null ? Reasons.Granted : Reasons.JustInTime, collaboration.Id, grant.Role)
            : new Decision(false, effective, Reasons.RoleLevelTooLow, collaboration.Id, grant.Role);
    }

    private static Decision Deny(string reason) => new(false, Levels.None, reason, null, null);

    /// <summary>
    /// The member's just-in-time access to this collaboration for the section, in force now and still on what it was
    /// given on: the member's place in the firm as it was then (a removal, even if followed by a return, ends it), and the
    /// grant as it was then (one removed and granted again since is another grant). The grant's level still caps it.
    /// </summary>
    public static JustInTimeAccess? JustInTimeFor(Facts facts, AccessCollaboration collaboration, AccessAccount firm, Grant? grant)
    {
        foreach (var access in facts.JustInTime ?? [])
        {
            if (access.CollaborationId != collaboration.Id || access.UserId != facts.UserId || !access.InForce(facts.Now)) continue;
            if (!access.Sections.Contains(facts.Section)) continue;
            if (firm.Member(facts.UserId)?.Version != access.MemberVersion) continue;
            if (grant?.Since is not { } since || since > access.StartedAt) continue;
            return access;
        }
        return null;
    }

    // Further down the checks is more specific: it tells the caller more precisely what is missing.
    private static int Specificity(string reason) => reason switch
    {
        Reasons.Granted or Reasons.JustInTime => 9, Reasons.RoleLevelTooLow => 8, Reasons.PlanExcludesSection => 7, Reasons.GrantExpired => 6,
        Reasons.GrantRemoved => 5, Reasons.NoGrant => 4, Reasons.NotAssigned => 3, Reasons.MemberRemoved => 2,
        Reasons.CollaborationEnded => 1, _ => 0,
    };
}
