namespace Holded.Partners.Kernel.Web;

/// <summary>
/// What every portal page knows besides its own content: the language, the person signed in (or nobody), the account
/// the page is about, and the form token. Built once per request by <see cref="Portal.ViewAsync"/>.
/// </summary>
public sealed record PortalView(string Language, string Path, PortalPerson? Person, PortalAccount? Account,
    string AntiforgeryField, string? AntiforgeryToken)
{
    public bool En => Language == Kernel.Language.English;
    public string T(string es, string en) => En ? en : es;
    public string T(Words words) => words.In(Language);
    public string Label(string code) => Labels.Of(code, Language);
}

/// <param name="Accounts">The accounts this person belongs to, as GET /api/v1/me says.</param>
/// <param name="Unread">Unread notifications, for the header.</param>
/// <param name="Invitations">Pending invitations addressed to this person's email.</param>
public sealed record PortalPerson(string UserId, string Name, string Email, string? PlatformRole,
    IReadOnlyList<PortalAccount> Accounts, long Unread, IReadOnlyList<PortalInvitation> Invitations);

public sealed record PortalAccount(Guid AccountId, string AccountName, string AccountKind, string Role)
{
    public bool IsFirm => AccountKind == AccountKinds.Advisory;
    public bool Manages => Roles.Manages(AccountKind, Role);

    /// <summary>Where this account's pages start.</summary>
    public string Home => IsFirm ? $"/firms/{AccountId}" : $"/businesses/{AccountId}";
}

public sealed record PortalInvitation(Guid InvitationId, Guid AccountId, string AccountName, string Role);
