using Holded.Partners.Access.Catalog;
using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.State;
using Npgsql;

namespace Holded.Partners.Access.Sessions;

/// <param name="AtLeastAsFresh">An access version a write answered: the token is judged on state at least that fresh.</param>
public sealed record IntrospectToken(string? Token, string? AtLeastAsFresh = null);

public sealed record Introspection(
    bool Active, string? Reason, Guid? SessionId, Guid? ClientAccountId, string? UserId, DateTimeOffset? ExpiresAt,
    IReadOnlyDictionary<string, string>? Permissions);

/// <summary>
/// The ERP asks whether a delegated token still works. Decided now from state, not from the token alone: a token stops
/// being active at once when its grant ends, the collaboration ends, or the member is removed or unassigned.
/// </summary>
public static class IntrospectTokenEndpoint
{
    public static ProblemDetails Input(IntrospectToken command, Caller caller) =>
        !caller.Has(ServiceScopes.AccessCheck)
            ? Problems.Forbidden($"Introspection is for the ERP's service token with the {ServiceScopes.AccessCheck} scope.")
            : new Check().Text("token", command.Token, 8192).Version(command.AtLeastAsFresh).Result();

    /// <summary>The input, then (asked for a version) this node caught up to it, or the version refused as never recorded.</summary>
    public static Task<ProblemDetails> ValidateAsync(IntrospectToken command, Caller caller, AccessState state, NpgsqlDataSource database, CancellationToken ct) =>
        Input(command, caller) is { Status: not null } refused ? Task.FromResult(refused) : state.RequireAsync(command.AtLeastAsFresh, database, ct);

    [WolverinePost("/api/v1/access/introspect")]
    public static async Task<Introspection> Post(
        IntrospectToken command, IQuerySession session, AccessState state, SessionTokens tokens, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await tokens.Validate(command.Token!, now) is not { } sessionId) return Inactive("invalid_or_expired_token");
        var opened = await session.LoadAsync<AccessSession>(sessionId, ct);
        if (opened is null) return Inactive("unknown_session");
        var facts = await state.FactsAsync(session.DocumentStore, opened.UserId, opened.ClientAccountId, Catalogs.Sections[0], "read", now, ct,
            AccessVersions.Parse(command.AtLeastAsFresh));
        // A session stands on what it was opened through: its collaboration, and its own just-in-time access if any (a
        // later request approved again is not this session's).
        var decision = AccessDecision.DecideAny(facts with
        {
            Collaborations = [.. facts.Collaborations.Where(c => c.Collaboration.Id == opened.CollaborationId)],
            JustInTime = [.. (facts.JustInTime ?? []).Where(a => a.Id == opened.JustInTimeRequestId)],
        }, Catalogs.Sections);
        if (!OpenSessionEndpoint.Reaching.Contains(decision.Reason))
            return Inactive(decision.Reason) with { SessionId = sessionId };
        // Never more than the token was issued with, and never more than the state allows now.
        var grant = facts.Collaborations.Single(c => c.Collaboration.Id == opened.CollaborationId).Grant!;
        var now_ = AccessCatalog.Effective(grant.Role!, facts.Client?.Plan);
        var permissions = opened.Permissions.ToDictionary(p => p.Key, p => Levels.Min(p.Value, now_.GetValueOrDefault(p.Key, Levels.None)));
        return new Introspection(true, null, sessionId, opened.ClientAccountId, opened.UserId, opened.ExpiresAt, permissions);
    }

    private static Introspection Inactive(string reason) => new(false, reason, null, null, null, null, null);
}
