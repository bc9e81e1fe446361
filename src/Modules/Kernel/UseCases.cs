using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Holded.Partners.Kernel;

/// <summary>
/// A page runs a use case by running the API's own endpoint in-process: the same route, the same Validate,
/// authorization, decision and transaction, with the person signed in to the page as the caller. The page turns a form
/// into the command and the answer into a redirect, or into the form again with what was refused.
/// </summary>
public interface IUseCases
{
    /// <param name="page">The page's request: the person signed in to the pages (WebIdentity) is the caller.</param>
    /// <param name="method">GET, POST, PUT or DELETE.</param>
    /// <param name="path">The API path as a caller would send it, e.g. "/api/v1/collaborations/{id}/end" with the id filled in.</param>
    /// <param name="command">The JSON body, for a write.</param>
    Task<UseCaseAnswer> InvokeAsync(HttpContext page, string method, string path, object? command = null);
}

/// <summary>What the endpoint answered: its status and its JSON body (problem details when refused).</summary>
public sealed record UseCaseAnswer(int Status, JsonElement? Body)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>The body as the API's own record.</summary>
    public T As<T>() => Body is { } body ? body.Deserialize<T>(JsonSerializerOptions.Web)! : throw new InvalidOperationException($"The answer ({Status}) has no body.");

    /// <summary>The refusal, when there is one: its title and detail, field errors (400) and broken rules (422).</summary>
    public Refusal? Refusal => Succeeded || Body is not { ValueKind: JsonValueKind.Object } body ? null : Refusal.From(Status, body);
}

public sealed record Refusal(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<Rule> Rules)
{
    public static Refusal From(int status, JsonElement body)
    {
        var problem = body.Deserialize<ValidationProblemDetails>(JsonSerializerOptions.Web) ?? new ValidationProblemDetails();
        // Rules are answered as { "rule", "message" } (see Problems.Refused).
        var rules = body.TryGetProperty("rules", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(x => new Rule(x.GetProperty("rule").GetString() ?? "", x.GetProperty("message").GetString() ?? "")).ToList()
            : [];
        return new Refusal(status, problem.Title ?? "", problem.Detail, problem.Errors.ToDictionary(), rules);
    }
}
