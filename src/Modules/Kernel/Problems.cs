using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Holded.Partners.Kernel;

/// <summary>A business rule that refused a command: a stable code and what would be accepted.</summary>
public sealed record Rule(string Code, string Message);

/// <summary>
/// Every refusal as RFC 9457 problem details. Endpoints return these from their Validate/Before steps;
/// <see cref="WolverineContinue.NoProblems"/> lets the request go on.
/// </summary>
public static class Problems
{
    public static ProblemDetails None => WolverineContinue.NoProblems;

    /// <summary>The one convention every problem follows, whoever wrote it: a type per status, and its title.</summary>
    public static string TypeFor(int status) => $"https://httpstatuses.io/{status}";

    public static string TitleFor(int status) => status switch
    {
        400 => "The request is not valid",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        406 => "Not acceptable",
        409 => "Conflict",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "A business rule refused the request",
        429 => "Too many requests",
        503 => "Service unavailable",
        >= 500 => "Server error",
        _ => "Request refused",
    };

    private static ProblemDetails Of(int status, string detail) =>
        new() { Status = status, Title = TitleFor(status), Detail = detail, Type = TypeFor(status) };

    public static ProblemDetails NotFound(string what) =>
        Of(StatusCodes.Status404NotFound, $"No {what} with that id exists, or it is not visible to you.");

    public static ProblemDetails Forbidden(string detail) => Of(StatusCodes.Status403Forbidden, detail);

    public static ProblemDetails Conflict(string code, string detail)
    {
        var problem = Of(StatusCodes.Status409Conflict, detail);
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>Any other status, by the same convention.</summary>
    public static ProblemDetails Status(int status, string detail) => Of(status, detail);

    /// <summary>422: each refused rule named, with what would be accepted.</summary>
    public static ProblemDetails Refused(IReadOnlyCollection<Rule> rules)
    {
        var problem = Of(StatusCodes.Status422UnprocessableEntity, string.Join(" ", rules.Select(r => r.Message)));
        problem.Extensions["rules"] = rules.Select(r => new { rule = r.Code, message = r.Message }).ToArray();
        return problem;
    }

    public static ProblemDetails Refused(params Rule[] rules) => Refused((IReadOnlyCollection<Rule>)rules);

    /// <summary>Refuses with every rule that is broken, or lets the request go on when none is.</summary>
    public static ProblemDetails RefuseIfAny(IEnumerable<Rule> broken)
    {
        var rules = broken.ToArray();
        return rules.Length == 0 ? None : Refused(rules);
    }

    public static ProblemDetails Invalid(IDictionary<string, string[]> errors) =>
        new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = TitleFor(StatusCodes.Status400BadRequest),
            Detail = "Correct the fields listed in errors and send it again.",
            Type = TypeFor(StatusCodes.Status400BadRequest),
        };
}
