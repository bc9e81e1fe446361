using Microsoft.AspNetCore.Http;
using Holded.Partners.Collaboration.Collaborations;

namespace Holded.Partners.Collaboration.Web;

/// <summary>What the collaboration pages share: their paths, the API's query strings, and which side a person is on.</summary>
public static class Pages
{
    public static string Collaboration(Guid id) => $"/collaborations/{id}";
    public static string Clients(Guid firm) => $"/firms/{firm}/clients";
    public static string Advisors(Guid business) => $"/businesses/{business}/advisors";
    public static string Access(Guid business, Guid collaboration) => $"/businesses/{business}/advisors/{collaboration}/access";
    public static string ApproveExtensions(Guid business, Guid firm) => $"/businesses/{business}/advisors/extensions/approve?firm={firm}";
    public static string Notifications(Guid firm, Guid collaboration) => $"/firms/{firm}/clients/{collaboration}/notifications";

    /// <summary>"?a=1&amp;b=2" from the values given (empty ones left out), escaped; a list gives the name once per value.</summary>
    public static string Query(params (string Name, object? Value)[] values) => QueryString.Create(values
        .SelectMany(v => v.Value is IEnumerable<string> many ? many.Select(x => (v.Name, Value: (string?)x)) : [(v.Name, v.Value?.ToString())])
        .Where(v => !string.IsNullOrEmpty(v.Value))
        .Select(v => new KeyValuePair<string, string?>(v.Name, v.Value))).ToString();

    /// <summary>The person's own account in the collaboration: the client, or the firm (whose navigation the page then shows).</summary>
    public static Kernel.Web.PortalAccount? SideOf(Kernel.Web.PortalView view, CollaborationView c) =>
        view.Person?.Accounts.FirstOrDefault(a => a.AccountId == c.ClientAccountId)
        ?? view.Person?.Accounts.FirstOrDefault(a => a.AccountId == c.PartnerAccountId);
}
