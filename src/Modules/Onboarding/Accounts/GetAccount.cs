using Wolverine.Http.Marten;

namespace Holded.Partners.Onboarding.Accounts;

public sealed record AccountView(
    Guid Id, string Kind, string? AdvisoryType, string? Plan, string LegalName, string TaxId,
    ContactDetails Contact, PostalAddress Address, string SubscriptionStatus, bool IsPartner,
    Guid? OpenApplicationId, DateTimeOffset RegisteredAt, long Version)
{
    public static AccountView Of(Account account) => new(
        account.Id, account.Kind, account.AdvisoryType, account.Plan, account.LegalName, account.TaxId,
        account.Contact, account.Address, account.SubscriptionStatus, account.IsPartner, account.OpenApplicationId,
        account.RegisteredAt, account.Version);
}

public static class GetAccountEndpoint
{
    /// <summary>Its members and platform staff see an account; to anyone else it does not exist.</summary>
    public static ProblemDetails Validate(Account account, Caller caller)
    {
        return account.IsMember(caller.UserId) || caller.IsStaff
            ? Problems.None
            : Problems.NotFound("account");
    }

    [WolverineGet("/api/v1/accounts/{id}")]
    public static AccountView Get([Document(Required = true)] Account account) => AccountView.Of(account);
}
