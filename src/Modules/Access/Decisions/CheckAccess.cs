using System.Diagnostics;
using Holded.Partners.Access.Catalog;
using Holded.Partners.Access.State;
using Npgsql;

namespace Holded.Partners.Access.Decisions;

/// <param name="AtLeastAsFresh">An access version a write answered: the check is decided from state at least that fresh.</param>
public sealed record CheckAccess(string? UserId, Guid ClientAccountId, string? Section, string? Action, string? AtLeastAsFresh = null);

/// <summary>The ERP asked for a member and was told no: how each refusal was recorded before denial windows (<see cref="ChecksDenied"/>).</summary>
public sealed record CheckDenied(
    Guid CheckId, Guid ClientAccountId, Guid? PartnerAccountId, Guid? CollaborationId, string UserId, string Section, string Action, string Reason);

/// <summary>Step 9: the ERP asks before acting — may this member read or write this section of this client's account?</summary>
public static class CheckAccessEndpoint
{
    public static readonly IReadOnlyList<string> Actions = ["read", "write"];

    public static ProblemDetails Input(CheckAccess command, Caller caller) =>
        Scope(caller) is { Status: not null } refused ? refused : Question(new Check(), command).Version(command.AtLeastAsFresh).Result();

    public static ProblemDetails Scope(Caller caller) => caller.Has(ServiceScopes.AccessCheck) ? Problems.None
        : Problems.Forbidden($"Access checks are for the ERP's service token with the {ServiceScopes.AccessCheck} scope.");

    /// <summary>One question's fields, as the single and the batch check name them (<paramref name="prefix"/> in a batch).</summary>
    public static Check Question(Check check, CheckAccess? question, string prefix = "") => check
        .Text($"{prefix}userId", question?.UserId, 200)
        .That(question is not null && question.ClientAccountId != Guid.Empty, $"{prefix}clientAccountId", "is required: the client account being acted in.")
        .OneOf($"{prefix}section", question?.Section, Catalogs.Sections)
        .OneOf($"{prefix}action", question?.Action, Actions);

    /// <summary>The input, then (asked for a version) this node caught up to it, or the version refused as never recorded.</summary>
    public static Task<ProblemDetails> ValidateAsync(CheckAccess command, Caller caller, AccessState state, NpgsqlDataSource database, CancellationToken ct) =>
        Input(command, caller) is { Status: not null } refused ? Task.FromResult(refused) : state.RequireAsync(command.AtLeastAsFresh, database, ct);

    // The ERP's hot path: decided from the in-memory state, with no session or transaction (a refusal is counted, see DenialCounter).
    [WolverinePost("/api/v1/access/check")]
    public static async Task<Decision> Post(CheckAccess command, AccessState state, IDocumentStore store, DenialCounter denials,
        TimeProvider clock, CancellationToken ct) =>
        (await DecideAsync([command], AccessVersions.Parse(command.AtLeastAsFresh), state, store, denials, clock.GetUtcNow(), ct))[0];

    /// <summary>
    /// Each question decided from the in-memory state by the one decision; then the refusals of those who work for the
    /// client are counted into their windows of the audit trail (strangers to the client, with no collaboration at all,
    /// are not recorded against it), and each first use of just-in-time access is recorded.
    /// </summary>
    public static async Task<Decision[]> DecideAsync(IReadOnlyList<CheckAccess> questions, long? version, AccessState state, IDocumentStore store,
        DenialCounter denials, DateTimeOffset now, CancellationToken ct)
    {
        var decisions = new Decision[questions.Count];
        List<Denial>? denied = null;
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var facts = await state.FactsAsync(store, q.UserId!, q.ClientAccountId, q.Section!, q.Action!, now, ct, version);
            var decision = decisions[i] = AccessDecision.Decide(facts);
            if (!decision.Allowed && decision.Reason != Reasons.NoCollaboration)
                (denied ??= []).Add(new Denial(q.ClientAccountId,
                    facts.Collaborations.FirstOrDefault(c => c.Collaboration.Id == decision.CollaborationId).Collaboration?.PartnerAccountId,
                    decision.CollaborationId, q.UserId!, q.Section!, q.Action!, decision.Reason));
            else if (decision.Reason == Reasons.JustInTime) await FirstUseAsync(facts, decision, q, store, ct);
        }
        if (denied is not null) await denials.CountAsync(denied, now, ct);
        return decisions;
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
