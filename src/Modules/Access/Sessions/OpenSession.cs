using System.Threading.RateLimiting;
using Holded.Partners.Access.Catalog;
using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.Replicas;
using Holded.Partners.Access.State;
using Microsoft.AspNetCore.Http;

namespace Holded.Partners.Access.Sessions;

public sealed record OpenSession(Guid ClientAccountId);

public sealed record SessionTicket(
    Guid SessionId, string Token, string TokenType, DateTimeOffset ExpiresAt, Guid CollaborationId, string Role,
    IReadOnlyDictionary<string, string> Permissions);

/// <summary>
/// How many refused sessions one caller may cause per minute (Access:RefusedSessionsPerMinute): past it, a caller
/// probing clients is told to wait, and nothing more is recorded in any client's trail.
/// </summary>
public sealed class SessionRefusals(int perMinute)
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(caller =>
        RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));

    public bool Allow(string caller) => _limiter.AttemptAcquire(caller).IsAcquired;
}

/// <summary>
/// Step 9: a firm member who may reach the client enters its account and gets a short-lived delegated token with the
/// effective permissions. One who works for the client but may not now is refused with the reason, recorded in the
/// client's trail; one who does not reach the client now (a stranger, a removed member, an unassigned manager) is told
/// it does not exist, and only a former member or manager of a collaborating firm is recorded. Refusals are limited per
/// caller.
/// </summary>
public static class OpenSessionEndpoint
{
    private static readonly string[] Reaching = [Reasons.Granted, Reasons.RoleLevelTooLow, Reasons.PlanExcludesSection];

    public static ProblemDetails Validate(OpenSession command, Caller caller) =>
        !caller.IsPerson
            ? Problems.Forbidden("Access sessions are opened by people, members of a firm.")
            : new Check().That(command.ClientAccountId != Guid.Empty, "clientAccountId", "is required: the client account to enter.").Result();

    [WolverinePost("/api/v1/access/sessions")]
    public static async Task<IResult> Post(
        OpenSession command, Caller caller, HttpContext http, IDocumentSession session, AccessState state, SessionTokens tokens,
        SessionRefusals refusals, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var facts = await state.FactsAsync(session.DocumentStore, caller.UserId, command.ClientAccountId, Catalogs.Sections[0], "read", now, ct);
        var decision = AccessDecision.Decide(facts);
        var through = facts.Collaborations.FirstOrDefault(c => c.Collaboration.Id == decision.CollaborationId);
        if (!Reaching.Contains(decision.Reason))
        {
            if (!refusals.Allow(caller.UserId))
                return Results.Problem(Problems.Status(StatusCodes.Status429TooManyRequests,
                    "Too many refused attempts to enter client accounts: wait a minute before trying again."));
            // A refusal is a stream of its own, with no session behind it: the client's trail reads it. Strangers to
            // the client are not recorded against it: anyone could otherwise write into any client's trail.
            if (decision.Reason != Reasons.NoCollaboration)
                session.Events.StartStream(Guid.CreateVersion7(), new SessionRefused(Guid.CreateVersion7(), command.ClientAccountId,
                    through.Collaboration?.PartnerAccountId, decision.CollaborationId, caller.UserId, decision.Reason));
            // Only someone who reaches the client now learns why; anyone else learns nothing of it, not even that it exists.
            var problem = through.Collaboration?.Reaches(caller.UserId, client: null, through.Firm) == true
                ? Problems.Forbidden($"You may not enter this client's account: {decision.Reason}.")
                : Problems.NotFound("client");
            if (problem.Status == StatusCodes.Status403Forbidden) problem.Extensions["reason"] = decision.Reason;
            return Results.Problem(problem);
        }

        var (collaboration, _, grant) = through;
        var permissions = AccessCatalog.Effective(grant!.Role!, facts.Client?.Plan);
        var id = Guid.CreateVersion7();
        var expires = now + SessionTokens.Lifetime;
        session.Events.StartStream<AccessSession>(id, new SessionOpened(id, collaboration.Id, collaboration.ClientAccountId,
            collaboration.PartnerAccountId, caller.UserId, grant.Role!, permissions, expires));
        var ticket = new SessionTicket(id, tokens.Issue(id, collaboration.ClientAccountId, caller.UserId, permissions, now), "Bearer",
            expires, collaboration.Id, grant.Role!, permissions);
        http.Response.Headers.CacheControl = "no-store"; // a bearer token: never kept by a cache
        http.Response.Headers.Pragma = "no-cache";
        return Results.Created($"/api/v1/access/sessions/{id}", ticket);
    }
}

/// <summary>A session as the member who opened it reads it back: the ticket without its token, and whether it still works.</summary>
public sealed record SessionView(
    Guid SessionId, Guid CollaborationId, Guid ClientAccountId, string Role, IReadOnlyDictionary<string, string> Permissions,
    DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt, bool Expired);

public static class GetSessionEndpoint
{
    public static Task<AccessSession?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => session.LoadAsync<AccessSession>(id, ct);

    /// <summary>Only its own member reads a session; to anyone else it does not exist.</summary>
    public static ProblemDetails Validate(AccessSession? opened, Caller caller) =>
        opened is not null && opened.UserId == caller.UserId ? Problems.None : Problems.NotFound("session");

    [WolverineGet("/api/v1/access/sessions/{id}")]
    public static SessionView Get([NotBody] AccessSession opened, TimeProvider clock) =>
        new(opened.Id, opened.CollaborationId, opened.ClientAccountId, opened.Role, opened.Permissions, opened.OpenedAt, opened.ExpiresAt,
            opened.ExpiresAt <= clock.GetUtcNow());
}
