
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
        account.IsMember(caller.UserId) || caller.PlatformRole is not null ? Problems.None : Problems.NotFound(what);

    public static string ManagerRoles(string kind) =>
        kind == AccountKinds.Advisory ? "administrators" : "owners and admins";

    /// <summary>The rule that keeps every account manageable.</summary>
    public static Rule KeepsTopRole(string kind) => kind == AccountKinds.Advisory
        ? new Rule("account_needs_an_administrator",
            "An advisory account always keeps at least one administrator: make another member administrator first.")
        : new Rule("account_needs_an_owner",
            "A business account always keeps at least one owner: make another member owner first.");
}
