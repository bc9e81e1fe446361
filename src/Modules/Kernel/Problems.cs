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

    public static ProblemDetails NotFound(string what) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found",
        Detail = $"No {what} with that id exists, or it is not visible to you.",
        Type = "https://httpstatuses.io/404",
    };

    public static ProblemDetails Forbidden(string detail) => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "Forbidden",
        Detail = detail,
        Type = "https://httpstatuses.io/403",
    };

    public static ProblemDetails Conflict(string code, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
            Detail = detail,
            Type = "https://httpstatuses.io/409",
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>422: each refused rule named, with what would be accepted.</summary>
    public static ProblemDetails Refused(IReadOnlyCollection<Rule> rules)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "A business rule refused the request",
            Detail = string.Join(" ", rules.Select(r => r.Message)),
            Type = "https://httpstatuses.io/422",
        };
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
            Title = "The request is not valid",
            Detail = "Correct the fields listed in errors and send it again.",
            Type = "https://httpstatuses.io/400",
        };
}
