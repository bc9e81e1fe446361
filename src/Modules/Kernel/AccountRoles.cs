namespace Holded.Partners.Kernel;

// The kinds of account and the roles people hold in them: the same words in every module.

public static class AccountKinds
{
    public const string Advisory = "advisory";
    public const string Business = "business";
    public static readonly IReadOnlyList<string> All = [Advisory, Business];
}

public static class Roles
{
    public const string Administrator = "administrator";
    public const string AccountManager = "account_manager";
    public const string Owner = "owner";
    public const string Admin = "admin";

    public static IReadOnlyList<string> For(string kind) =>
        kind == AccountKinds.Advisory ? [Administrator, AccountManager] : [Owner, Admin];

    /// <summary>The role an account can never be left without, and its creator's role.</summary>
    public static string Top(string kind) => kind == AccountKinds.Advisory ? Administrator : Owner;

    /// <summary>Roles that manage the account: its team, its program application, its profile.</summary>
    public static bool Manages(string kind, string role) =>
        kind == AccountKinds.Advisory ? role == Administrator : role is Owner or Admin;
}
