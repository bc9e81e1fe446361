using System.Diagnostics;
using Holded.Partners.Access.Catalog;
using Holded.Partners.Access.State;
using Npgsql;

namespace Holded.Partners.Access.Decisions;

/// <param name="AtLeastAsFresh">An access version a write answered: the check is decided from state at least that fresh.</param>
public sealed record CheckAccess(string? UserId, Guid ClientAccountId, string? Section, string? Action, string? AtLeastAsFresh = null);

/// <summary>The ERP asked for a member and was told no.</summary>
public sealed record CheckDenied(
    Guid CheckId, Guid ClientAccountId, Guid? PartnerAccountId, Guid? CollaborationId, string UserId, string Section, string Action, string Reason);

/// <summary>Step 9: the ERP asks before acting — may this member read or write this section of this client's account?</summary>
public static class CheckAccessEndpoint
{
    public static readonly IReadOnlyList<string> Actions = ["read", "write"];

    public static ProblemDetails Input(CheckAccess command, Caller caller)
    {
        if (!caller.Has(ServiceScopes.AccessCheck))
            return Problems.Forbidden($"Access checks are for the ERP's service token with the {ServiceScopes.AccessCheck} scope.");
        return new Check()
            .Text("userId", command.UserId, 200)
            .That(command.ClientAccountId != Guid.Empty, "clientAccountId", "is required: the client account being acted in.")
            .OneOf("section", command.Section, Catalogs.Sections)
            .OneOf("action", command.Action, Actions)
            .Version(command.AtLeastAsFresh)
            .Result();
    }

    /// <summary>The input, then (asked for a version) this node caught up to it, or the version refused as never recorded.</summary>
    public static Task<ProblemDetails> ValidateAsync(CheckAccess command, Caller caller, AccessState state, NpgsqlDataSource database, CancellationToken ct) =>
        Input(command, caller) is { Status: not null } refused ? Task.FromResult(refused) : state.RequireAsync(command.AtLeastAsFresh, database, ct);

    // The ERP's hot path: decided from the in-memory state, with no session or transaction unless there is a refusal to record.
    [WolverinePost("/api/v1/access/check")]
    public static async Task<Decision> Post(CheckAccess command, AccessState state, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var facts = await state.FactsAsync(store, command.UserId!, command.ClientAccountId, command.Section!, command.Action!, clock.GetUtcNow(), ct,
            AccessVersions.Parse(command.AtLeastAsFresh));
        var decision = AccessDecision.Decide(facts);
        // A refusal of someone who works for this client is an access denied, for the audit trail. Strangers to the
        // client (no collaboration at all) are not recorded against it.
        if (!decision.Allowed && decision.Reason != Reasons.NoCollaboration)
        {
            await using var session = store.LightweightSession();
            session.CorrelationId = Activity.Current?.RootId;
            session.Events.StartStream(Guid.CreateVersion7(), new CheckDenied(Guid.CreateVersion7(), command.ClientAccountId,
                facts.Collaborations.FirstOrDefault(c => c.Collaboration.Id == decision.CollaborationId).Collaboration?.PartnerAccountId,
                decision.CollaborationId, command.UserId!, command.Section!, command.Action!, decision.Reason));
            await session.SaveChangesAsync(ct);
        }
        else if (decision.Reason == Reasons.JustInTime) await FirstUseAsync(facts, decision, command, store, ct);
        return decision;
    }

    /// <summary>
    /// The first use of just-in-time access is a fact of the trail; later ones are not recorded (the check is the ERP's
    /// hot path, and the trail is not to be flooded). Its commit drops the client's just-in-time memory, so the next check
    /// sees it used; two first uses at once on two nodes meet on the stream's version, and only one is recorded.
    /// </summary>
    private static async Task FirstUseAsync(AccessDecision.Facts facts, Decision decision, CheckAccess command, IDocumentStore store, CancellationToken ct)
    {
        var (collaboration, firm, grant) = facts.Collaborations.First(c => c.Collaboration.Id == decision.CollaborationId);
        if (AccessDecision.JustInTimeFor(facts, collaboration, firm!, grant) is not { UsedAt: null } access) return;
        await using var session = store.LightweightSession();
        session.CorrelationId = Activity.Current?.RootId;
        var stream = await session.Events.FetchForWriting<JustInTime.JustInTimeAccess>(access.Id, ct);
        if (stream.Aggregate is not { UsedAt: null } r) return;
        stream.AppendOne(new JustInTime.JustInTimeUsed(r.Id, r.CollaborationId, r.ClientAccountId, r.PartnerAccountId, r.UserId, command.Section!, command.Action!));
        try { await session.SaveChangesAsync(ct); }
        catch (Exception e) when (e is JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException) { } // another check recorded it, or the access changed: either way it is not the first use
    }
}
