using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Holded.Partners.Kernel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// Writes every problem this host answers — from an endpoint, a refusal, the status pages, the error handler — as JSON,
/// whatever the caller's Accept header says, with one type and title per status (Kernel's Problems). A body of the
/// wrong shape is explained by field and by what the field must be, never by the .NET type it failed to become.
/// </summary>
public sealed class ProblemWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<ProblemWriter> log) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ?? http.Response.StatusCode;
        if (problem.Title == WolverineJsonFailure) problem = BodyShapes.Explain(problem, http, log);
        problem.Status = status;
        problem.Type = Kernel.Problems.TypeFor(status);
        problem.Title = Kernel.Problems.TitleFor(status);
        problem.Detail ??= DefaultDetail(status, http);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        http.Response.StatusCode = status;
        return new(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json"));
    }

    private const string WolverineJsonFailure = "Invalid JSON format";

    // What the status pages fill in for a bare status: what was wrong and what would be accepted.
    private static string DefaultDetail(int status, HttpContext http) => status switch
    {
        404 => "Nothing is served at this address. The API is under /api/v1; its reference is at /docs.",
        405 => $"{http.Request.Method} is not served at this address; see /docs for what is.",
        406 => "This address answers JSON (application/json); send an Accept header that allows it, or none.",
        415 => "Send the body as JSON, with Content-Type: application/json.",
        _ => "The request was refused.",
    };
}

/// <summary>The type each endpoint reads its body as, so a body of the wrong shape is explained field by field.</summary>
public sealed record BodyShape(Type Type);

public static partial class BodyShapes
{
    private static readonly ConcurrentDictionary<string, bool> Categories = new(StringComparer.Ordinal);

    /// <summary>Remembers an endpoint's body type (a chain policy, at start-up).</summary>
    public static void Apply(HttpChain chain)
    {
        if (chain.RequestType is not { } type || type == typeof(void)) return;
        chain.Metadata.WithMetadata(new BodyShape(type));
        Categories[type.FullName ?? type.Name] = true;
    }

    /// <summary>
    /// Wolverine logs a body it cannot read at error level, under the body type's name: a caller's mistake is not an
    /// error of ours (the problem writer logs it as information instead).
    /// </summary>
    public static bool IsBodyCategory(string? category) => category is not null && Categories.ContainsKey(category);

    public static ProblemDetails Explain(ProblemDetails failure, HttpContext http, ILogger log)
    {
        var message = failure.Detail ?? "";
        var path = PathPattern().Match(message) is { Success: true } m ? m.Groups[1].Value : "$";
        var field = path.TrimStart('$').TrimStart('.');
        string what;
        var converting = message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);
        if (converting)
        {
            var shape = http.GetEndpoint()?.Metadata.GetMetadata<BodyShape>()?.Type;
            what = field.Length == 0 ? "must be a JSON object with the fields this endpoint takes." : Expected(At(shape, field));
        }
        else
        {
            var line = failure.Extensions.TryGetValue("lineNumber", out var l) ? Convert.ToInt64(l?.ToString()) + 1 : 1;
            var position = failure.Extensions.TryGetValue("bytePositionInLine", out var b) ? Convert.ToInt64(b?.ToString()) + 1 : 1;
            what = $"is not valid JSON (line {line}, byte {position}): send one JSON object with the fields this endpoint takes.";
        }
        var name = field.Length == 0 || !converting ? "body" : field;
        log.LogInformation("Refused a body of the wrong shape on {Method} {Path}: {Field} {What}", http.Request.Method, http.Request.Path, name, what);
        return Kernel.Problems.Invalid(new Dictionary<string, string[]> { [name] = [what] });
    }

    // The type at a JSON path such as "contact.email" or "items[2].amount", following the endpoint's body type.
    private static Type? At(Type? type, string path)
    {
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (type is null) return null;
            var name = segment.Split('[')[0];
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            type = property?.PropertyType;
            for (var i = segment.Count(c => c == '['); i > 0 && type is not null; i--) type = ElementOf(type);
        }
        return type;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GenericTypeArguments[0];

    private static string Expected(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "has a value of the wrong kind; see /docs for what this field takes.",
            _ when type == typeof(string) => "must be a string.",
            _ when type == typeof(bool) => "must be true or false.",
            _ when type == typeof(Guid) => "must be an id: a GUID such as 0195f3a0-7c1e-7d2a-9b4f-2a1c3e5d7f90.",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "must be a date and time in ISO 8601, such as 2026-12-01T09:30:00Z.",
            _ when type == typeof(DateOnly) => "must be a date in ISO 8601, such as 2026-12-01.",
            _ when type.IsPrimitive || type == typeof(decimal) => "must be a number.",
            _ when type.IsEnum => "must be one of the values listed in /docs.",
            _ when typeof(IEnumerable).IsAssignableFrom(type) => "must be a list.",
            _ => "must be an object.",
        };
    }

    [GeneratedRegex(@"Path: (\$[^ |]*)")]
    private static partial Regex PathPattern();
}
