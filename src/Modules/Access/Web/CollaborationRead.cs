using Microsoft.AspNetCore.Http;

namespace Holded.Partners.Access.Web;

/// <summary>
/// GET /api/v1/collaborations/{id}, as much of it as the access pages read (the names of both sides): the Collaboration
/// module owns the record, and a module never references another, so the pages read the answer's JSON into this.
/// </summary>
public sealed record CollaborationRead(Guid Id, Guid ClientAccountId, string ClientName, Guid PartnerAccountId, string PartnerName, string Status)
{
    public bool IsActive => Status == "active";

    public static async Task<CollaborationRead?> LoadAsync(IUseCases useCases, HttpContext context, Guid id)
    {
        var answer = await useCases.InvokeAsync(context, "GET", $"/api/v1/collaborations/{id}");
        return answer.Succeeded ? answer.As<CollaborationRead>() : null;
    }
}

/// <summary>A refusal the page itself answers with, in the API's shape: a page about another account's collaboration is not found.</summary>
public static class PageRefusals
{
    public static Refusal NotFound(string what) =>
        new(StatusCodes.Status404NotFound, "Not found", $"There is no {what} here, or it is not visible to you.", new Dictionary<string, string[]>(), []);
}
