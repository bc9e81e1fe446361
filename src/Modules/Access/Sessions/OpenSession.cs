using Holded.Partners.Access.Catalog;
using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.State;
using Microsoft.AspNetCore.Http;
using Wolverine.Marten;

namespace Holded.Partners.Access.Sessions;

public sealed record OpenSession(Guid ClientAccountId);

public sealed record SessionTicket(
    Guid SessionId, string Token, string TokenType, DateTimeOffset ExpiresAt, Guid CollaborationId, string Role,
    IReadOnlyDictionary<string, string> Permissions);

/// <summary>
/// Step 9: a firm member who may reach the client enters its account and gets a short-lived delegated token with the
/// effective permissions. A member who may not is refused with the reason — and the refusal is recorded too.
/// </summary>
public static class OpenSessionEndpoint
{
    private static readonly string[] Reaching = [Reasons.Granted, Reasons.RoleLevelTooLow, Reasons.PlanExcludesSection];

    public static ProblemDetails Validate(OpenSession command, ClaimsPrincipal user) =>
        !Caller.From(user).IsPerson
            ? Problems.Forbidden("Access sessions are opened by people, members of a firm.")
            : new Check().That(command.ClientAccountId != Guid.Empty, "clientAccountId", "is required: the client account to enter.").Result();

    [WolverinePost("/api/v1/access/sessions")]
    public static async Task<IResult> Post(
        OpenSession command, ClaimsPrincipal user, IDocumentSession session, AccessState state, SessionTokens tokens, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var now = clock.GetUtcNow();
        var facts = await state.FactsAsync(session.DocumentStore, caller.UserId, command.ClientAccountId, Catalogs.Sections[0], "read", now, ct);
        var decision = AccessDecision.Decide(facts);
        if (!Reaching.Contains(decision.Reason))
        {
            // A refusal is a stream of its own, with no session behind it: the audit trail reads it.
            session.Events.StartStream(Guid.CreateVersion7(),
                new SessionRefused(Guid.CreateVersion7(), command.ClientAccountId,
                    facts.Collaborations.FirstOrDefault(c => c.Collaboration.Id == decision.CollaborationId).Collaboration?.PartnerAccountId,
                    decision.CollaborationId, caller.UserId, decision.Reason));
            // Someone with no collaboration with this client learns nothing of it.
            var problem = decision.Reason == Reasons.NoCollaboration
                ? Problems.NotFound("client")
                : Problems.Forbidden($"You may not enter this client's account: {decision.Reason}.");
            problem.Extensions["reason"] = decision.Reason;
            return Results.Problem(problem);
        }

        var (collaboration, _, grant) = facts.Collaborations.Single(c => c.Collaboration.Id == decision.CollaborationId);
        var permissions = AccessCatalog.Effective(grant!.Role!, facts.Client?.Plan);
        var id = Guid.CreateVersion7();
        var expires = now + SessionTokens.Lifetime;
        session.Events.StartStream<AccessSession>(id, new SessionOpened(id, collaboration.Id, collaboration.ClientAccountId,
            collaboration.PartnerAccountId, caller.UserId, grant.Role!, permissions, expires));
        var ticket = new SessionTicket(id, tokens.Issue(id, collaboration.ClientAccountId, caller.UserId, permissions, now), "Bearer",
            expires, collaboration.Id, grant.Role!, permissions);
        return Results.Created($"/api/v1/access/sessions/{id}", ticket);
    }
}
