using Holded.Partners.Access.State;
using Npgsql;

namespace Holded.Partners.Access.Decisions;

/// <param name="Checks">The questions, each as the single check asks it; answered in the same order.</param>
/// <param name="AtLeastAsFresh">An access version a write answered: every question is decided from state at least that fresh.</param>
public sealed record CheckAccessInBatch(IReadOnlyList<CheckAccess?>? Checks, string? AtLeastAsFresh = null);

public sealed record BatchDecisions(IReadOnlyList<Decision> Results);

/// <summary>
/// Many checks in one request (as SpiceDB's CheckBulkPermissions): the ERP asks before a page that shows many actions,
/// or for many members at once. Each is the single check's decision, from the same code, in the order asked; one
/// question malformed refuses the request (400, naming it), since the ERP sent something it did not mean.
/// </summary>
public static class CheckAccessInBatchEndpoint
{
    public const int MaxChecks = 1000;

    public static ProblemDetails Input(CheckAccessInBatch command, Caller caller)
    {
        if (CheckAccessEndpoint.Scope(caller) is { Status: not null } refused) return refused;
        var checks = command.Checks ?? [];
        var check = new Check()
            .That(command.Checks is { Count: > 0 }, "checks", "is required: one entry per question, each with userId, clientAccountId, section and action.")
            .That(checks.Count <= MaxChecks, "checks", $"must have at most {MaxChecks} entries; ask the rest in another request.")
            .Version(command.AtLeastAsFresh);
        for (var i = 0; i < checks.Count && check.IsValid; i++)
            CheckAccessEndpoint.Question(check, checks[i], $"checks[{i}].")
                // Never ignored: a version given per question would be a freshness the answer does not honour.
                .That(checks[i]?.AtLeastAsFresh is null, $"checks[{i}].atLeastAsFresh", "is given once for the whole batch, at the top: \"atLeastAsFresh\" beside \"checks\".");
        return check.Result();
    }

    public static Task<ProblemDetails> ValidateAsync(CheckAccessInBatch command, Caller caller, AccessState state, NpgsqlDataSource database, CancellationToken ct) =>
        Input(command, caller) is { Status: not null } refused ? Task.FromResult(refused) : state.RequireAsync(command.AtLeastAsFresh, database, ct);

    [WolverinePost("/api/v1/access/checks")]
    public static async Task<BatchDecisions> Post(CheckAccessInBatch command, AccessState state, IDocumentStore store, DenialCounter denials,
        TimeProvider clock, CancellationToken ct) =>
        new(await CheckAccessEndpoint.DecideAsync([.. command.Checks!.Select(c => c!)], AccessVersions.Parse(command.AtLeastAsFresh), state, store,
            denials, clock.GetUtcNow(), ct));
}
