
namespace Holded.Partners.Onboarding.Accounts;

/// <summary>Who may do what on an account, read from the account's own events on every request.</summary>
public static class AccountAccess
{
    /// <summary>Non-members learn nothing (404); members who do not manage the account are told so (403).</summary>
    public static ProblemDetails RequireManager(Account account, Caller caller, string what = "account")
    {
        if (!account.IsMember(caller.UserId)) return Problems.NotFound(what);
        return account.IsManagedBy(caller.UserId)
            ? Problems.None
            : Problems.Forbidden($"Only the account's {ManagerRoles(account.Kind)} may do this.");
    }

    public static ProblemDetails RequireMemberOrStaff(Account account, Caller caller, string what = "account") =>
        account.IsMember(caller.UserId) || caller.IsStaff ? Problems.None : Problems.NotFound(what);

    /// <summary>In a business, only an owner makes, unmakes or removes an owner: an admin cannot take the account over.</summary>
    public static ProblemDetails RequireOwnerForOwners(Account account, Caller caller, params string?[] rolesTouched) =>
        account.Kind == AccountKinds.Business && rolesTouched.Contains(Roles.Owner)
        && account.MemberFor(caller.UserId)?.Role != Roles.Owner
            ? Problems.Forbidden("Only an owner may make someone an owner, or change or remove an owner.")
            : Problems.None;

    /// <summary>The invitations a member sent end with their power to send them.</summary>
    public static IEnumerable<InvitationRevoked> InvitationsSentBy(Account account, string userId, string revokedBy) =>
        account.Invitations.Where(i => i.InvitedBy == userId).Select(i => new InvitationRevoked(account.Id, i.InvitationId, revokedBy));

    public static string ManagerRoles(string kind) =>
        kind == AccountKinds.Advisory ? "administrators" : "owners and admins";

    /// <summary>The rule that keeps every account manageable.</summary>
    public static Rule KeepsTopRole(string kind) => kind == AccountKinds.Advisory
        ? new Rule("account_needs_an_administrator",
            "An advisory account always keeps at least one administrator: make another member administrator first.")
        : new Rule("account_needs_an_owner",
            "A business account always keeps at least one owner: make another member owner first.");
}
