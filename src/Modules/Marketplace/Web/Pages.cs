using Microsoft.AspNetCore.Http;

namespace Holded.Partners.Marketplace.Web;

/// <summary>What the marketplace's pages share: their paths, and the API's query strings built from what a person chose.</summary>
public static class Pages
{
    public static string Conversation(Guid id) => $"/conversations/{id}";
    public static string Partner(Guid business, Guid partner) => $"/businesses/{business}/marketplace/{partner}";
    public static string Collaboration(Guid id) => $"/collaborations/{id}";

    /// <summary>"?a=1&amp;b=2" from the values given (empty ones left out), escaped.</summary>
    public static string Query(params (string Name, object? Value)[] values) => QueryString.Create(values
        .Select(v => (v.Name, Value: v.Value?.ToString()))
        .Where(v => !string.IsNullOrEmpty(v.Value))
        .Select(v => new KeyValuePair<string, string?>(v.Name, v.Value))).ToString();

    /// <summary>The id a 201 answered (Wolverine's CreationResponse: {"value": id}).</summary>
    public static Guid CreatedId(UseCaseAnswer answer) => answer.Body!.Value.GetProperty("value").GetGuid();
}
