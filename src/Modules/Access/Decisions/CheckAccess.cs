using Holded.Partners.Access.Catalog;

namespace Holded.Partners.Access.Decisions;

public sealed record CheckAccess(string? UserId, Guid ClientAccountId, string? Section, string? Action);

/// <summary>Step 9: the ERP asks before acting — may this member read or write this section of this client's account?</summary>
public static class CheckAccessEndpoint
{
    public static readonly IReadOnlyList<string> Actions = ["read", "write"];

    public static ProblemDetails Validate(CheckAccess command, ClaimsPrincipal user)
    {
        if (!Caller.From(user).Has(ServiceScopes.AccessCheck))
            return Problems.Forbidden($"Access checks are for the ERP's service token with the {ServiceScopes.AccessCheck} scope.");
        return new Check()
            .Text("userId", command.UserId, 200)
            .That(command.ClientAccountId != Guid.Empty, "clientAccountId", "is required: the client account being acted in.")
            .OneOf("section", command.Section, Catalogs.Sections)
            .OneOf("action", command.Action, Actions)
            .Result();
    }

    [WolverinePost("/api/v1/access/check")]
    public static async Task<Decision> Post(CheckAccess command, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        AccessDecision.Decide(await AccessDecision.LoadAsync(
            session, command.UserId!, command.ClientAccountId, command.Section!, command.Action!, clock.GetUtcNow(), ct));
}
