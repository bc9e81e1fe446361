using System.Threading.RateLimiting;
using Holded.Partners.Access.Catalog;
using Holded.Partners.Access.Decisions;
using Holded.Partners.Access.Replicas;
using Holded.Partners.Access.State;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Holded.Partners.Access.Sessions;

/// <param name="AtLeastAsFresh">An access version a write answered: the session is decided on state at least that fresh.</param>
public sealed record OpenSession(Guid ClientAccountId, string? AtLeastAsFresh = null);

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
    /// <summary>The decisions that let a session open (and an introspected one stay active): the member reaches the client with a grant in force.</summary>
    public static readonly string[] Reaching = [Reasons.Granted, Reasons.JustInTime, Reasons.RoleLevelTooLow, Reasons.PlanExcludesSection];

    /// <summary>
    /// The decision for this person and client, from the access memory as the ERP's check reads it — or, asked for an
    /// access version this node has not heard, from the database once it has waited briefly for it.
    /// </summary>
    public static async Task<SessionDecision?> LoadAsync(OpenSession command, Caller caller, AccessState state, IDocumentStore store,
        NpgsqlDataSource database, TimeProvider clock, CancellationToken ct)
    {
        if (!caller.IsPerson || command.ClientAccountId == Guid.Empty || !AccessVersions.TryParse(command.AtLeastAsFresh, out var version))
            return null; // refused by Validate, nothing to decide
        if (!await state.CatchUpAsync(version, database, ct)) return SessionDecision.UnknownVersion;
        var now = clock.GetUtcNow();
        var facts = await state.FactsAsync(store, caller.UserId, command.ClientAccountId, Catalogs.Sections[0], "read", now, ct, version);
        return new SessionDecision(facts, AccessDecision.DecideAny(facts, Catalogs.Sections), now);
    }

    /// <summary>
    /// Every refusal, in order: not a person, no client named, too many refusals, then the decision's. A refusal of one
    /// who worked for the client is a fact of its trail, recorded in a session of its own since nothing else is.
    /// </summary>
    public static async Task<ProblemDetails> ValidateAsync(OpenSession command, Caller caller, SessionDecision? decision, SessionRefusals refusals,
        IDocumentStore store, CancellationToken ct)
    {
        if (!caller.IsPerson) return Problems.Forbidden("Access sessions are opened by people, members of a firm.");
        var input = new Check().That(command.ClientAccountId != Guid.Empty, "clientAccountId", "is required: the client account to enter.")
            .Version(command.AtLeastAsFresh).Result();
        if (input.Status is not null || decision is null) return input;
        if (decision.VersionUnknown) return Problems.Refused(AccessVersions.Unknown);
        if (Reaching.Contains(decision.Decision.Reason)) return input;
        if (!refusals.Allow(caller.UserId))
            return Problems.Status(StatusCodes.Status429TooManyRequests, "Too many refused attempts to enter client accounts: wait a minute before trying again.");
        var reason = decision.Decision.Reason;
        var through = decision.Through;
        // A refusal is a stream of its own, with no session behind it: the client's trail reads it. Strangers to the
        // client are not recorded against it: anyone could otherwise write into any client's trail.
        if (reason != Reasons.NoCollaboration)
        {
            await using var record = store.LightweightSession();
            record.Events.StartStream(Guid.CreateVersion7(), new SessionRefused(Guid.CreateVersion7(), command.ClientAccountId,
                through.Collaboration?.PartnerAccountId, decision.Decision.CollaborationId, caller.UserId, reason));
            await record.SaveChangesAsync(ct);
        }
        // Only someone who reaches the client now learns why; anyone else learns nothing of it, not even that it exists.
        if (through.Collaboration?.Reaches(caller.UserId, client: null, through.Firm) != true) return Problems.NotFound("client");
        var problem = Problems.Forbidden($"You may not enter this client's account: {reason}.");
        problem.Extensions["reason"] = reason;
        return problem;
    }

    [WolverinePost("/api/v1/access/sessions")]
    public static IResult Post(OpenSession command, Caller caller, [NotBody] SessionDecision decision, HttpContext http, IDocumentSession session,
        SessionTokens tokens)
    {
        var (collaboration, _, grant) = decision.Through;
        var permissions = AccessCatalog.Effective(grant!.Role!, decision.Facts.Client?.Plan);
        var expires = decision.Now + SessionTokens.Lifetime;
        // Through just-in-time access: only the sections asked for, and not a moment past its expiry.
        if (decision.JustInTime is { } justInTime)
        {
            permissions = permissions.ToDictionary(p => p.Key, p => justInTime.Sections.Contains(p.Key) ? p.Value : Levels.None);
            if (justInTime.ExpiresAt < expires) expires = justInTime.ExpiresAt.Value;
        }
        var id = Guid.CreateVersion7();
        session.Events.StartStream<AccessSession>(id, new SessionOpened(id, collaboration.Id, collaboration.ClientAccountId,
            collaboration.PartnerAccountId, caller.UserId, grant.Role!, permissions, expires, decision.JustInTime?.Id));
        var ticket = new SessionTicket(id, tokens.Issue(id, collaboration.ClientAccountId, caller.UserId, permissions, decision.Now, expires), "Bearer",
            expires, collaboration.Id, grant.Role!, permissions);
        http.Response.Headers.CacheControl = "no-store"; // a bearer token: never kept by a cache
        http.Response.Headers.Pragma = "no-cache";
        return Results.Created($"/api/v1/access/sessions/{id}", ticket);
    }
}

/// <summary>The access decision for one person and client, and the collaboration it goes through (one value: Wolverine binds by type).</summary>
public sealed record SessionDecision(AccessDecision.Facts Facts, Decision Decision, DateTimeOffset Now)
{
    /// <summary>Nothing decided: the access version asked for was never recorded (refused by Validate).</summary>
    public static readonly SessionDecision UnknownVersion = new(
        new AccessDecision.Facts("", "", "", DateTimeOffset.MinValue, null, []), new Decision(false, Levels.None, "", null, null), DateTimeOffset.MinValue)
    {
        VersionUnknown = true,
    };

    public bool VersionUnknown { get; private init; }

    public (AccessCollaboration Collaboration, AccessAccount? Firm, Grants.Grant? Grant) Through =>
        Facts.Collaborations.FirstOrDefault(c => c.Collaboration.Id == Decision.CollaborationId);

    /// <summary>The just-in-time access the member reaches the client through, when they are not assigned to it.</summary>
    public JustInTime.JustInTimeAccess? JustInTime
    {
        get
        {
            var (collaboration, firm, grant) = Through;
            if (collaboration is null || firm is null || collaboration.Reaches(Facts.UserId, client: null, firm)) return null;
            return Catalogs.Sections.Select(s => AccessDecision.JustInTimeFor(Facts with { Section = s }, collaboration, firm, grant))
                .FirstOrDefault(a => a is not null);
        }
    }
}

/// <summary>
/// A session as the member who opened it reads it back: the ticket without its token, whether it still works, the
/// client's name, and the just-in-time access it was opened through, if any.
/// </summary>
public sealed record SessionView(
    Guid SessionId, Guid CollaborationId, Guid ClientAccountId, string Role, IReadOnlyDictionary<string, string> Permissions,
    DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt, bool Expired, string? ClientName = null, Guid? JustInTimeRequestId = null);

public static class GetSessionEndpoint
{
    public static Task<AccessSession?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => session.LoadAsync<AccessSession>(id, ct);

    /// <summary>Only its own member reads a session; to anyone else it does not exist.</summary>
    public static ProblemDetails Validate(AccessSession? opened, Caller caller) =>
        opened is not null && opened.UserId == caller.UserId ? Problems.None : Problems.NotFound("session");

    [WolverineGet("/api/v1/access/sessions/{id}")]
    public static async Task<SessionView> Get([NotBody] AccessSession opened, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        new(opened.Id, opened.CollaborationId, opened.ClientAccountId, opened.Role, opened.Permissions, opened.OpenedAt, opened.ExpiresAt,
            opened.ExpiresAt <= clock.GetUtcNow(), (await session.LoadAsync<AccessAccount>(opened.ClientAccountId, ct))?.Name, opened.JustInTimeRequestId);
}
