using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.PendingWork;

public sealed record BulkSectionReport(Guid? ClientAccountId, string? Section, IReadOnlyList<ReportedItem?>? Items);

public sealed record ReportPendingWorkInBulk(IReadOnlyList<BulkSectionReport?>? Reports);

/// <summary>
/// One report's outcome, by its place in the request: <c>applied</c> (with the section's pending count after it),
/// <c>unchanged</c> (the ERP said what it said last: nothing recorded), or <c>refused</c> with the reason
/// (<c>invalid_report</c> with the errors by field, as the single report names them; <c>client_not_found</c>).
/// </summary>
public sealed record BulkSectionOutcome(
    int Index, Guid? ClientAccountId, string? Section, string Outcome, int? Pending = null, string? Reason = null, IReadOnlyDictionary<string, string[]>? Errors = null);

public sealed record BulkReportAnswer(IReadOnlyList<BulkSectionOutcome> Results, int Applied, int Unchanged, int Refused);

public static class BulkOutcomes
{
    public const string Applied = "applied", Unchanged = "unchanged", Refused = "refused";
    public const string InvalidReport = "invalid_report", ClientNotFound = "client_not_found";
}

/// <summary>
/// The ERP's bulk report: many clients' sections in one request, each decided exactly as the single report decides it
/// (same checks, same "unchanged records nothing"), each with its own outcome. One transaction for the whole request:
/// every applied report is recorded with what it tells the other modules, or none is. Two writers of one client meet on
/// the client's stream version and the request is a 409, to be sent again as it was (every report in it is idempotent).
/// </summary>
public static class ReportPendingWorkInBulkEndpoint
{
    public const int MaxReports = 1000, MaxItemsInAll = 20_000;

    public static ProblemDetails Validate(ReportPendingWorkInBulk command, Caller caller)
    {
        if (ReportPendingWorkEndpoint.Scope(caller) is { Status: not null } refused) return refused;
        var reports = command.Reports ?? [];
        var items = reports.Sum(r => r?.Items?.Count ?? 0);
        var pairs = reports.Where(r => r?.ClientAccountId is not null && r.Section is not null).Select(r => (r!.ClientAccountId, r.Section)).ToList();
        return new Check()
            .That(command.Reports is { Count: > 0 }, "reports", "is required: one entry per client and section, each with every pending item of the section.")
            .That(reports.Count <= MaxReports, "reports", $"must have at most {MaxReports} entries; send the rest in another request.")
            .That(items <= MaxItemsInAll, "reports", $"must carry at most {MaxItemsInAll} items in all ({items} sent); send the rest in another request.")
            .That(pairs.Distinct().Count() == pairs.Count, "reports", "must not report one client's section twice: which one is the ERP's word would be a guess.")
            .Result();
    }

    [WolverinePost("/api/v1/pending-work")]
    public static async Task<(BulkReportAnswer, OutgoingMessages)> Post(
        ReportPendingWorkInBulk command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var reports = command.Reports!;
        var outcomes = new BulkSectionOutcome?[reports.Count];
        var valid = new List<(int Index, Guid Client, string Section, PendingItem[] Items)>();
        for (var i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            var check = new Check().That(r?.ClientAccountId is { } id && id != Guid.Empty, "clientAccountId", "is required: the client whose section this is.");
            if (r is not null) ReportPendingWorkEndpoint.Report(check, r.Section, r.Items);
            if (check.IsValid) valid.Add((i, r!.ClientAccountId!.Value, r.Section!, ReportPendingWorkEndpoint.Items(r.Items!)));
            else outcomes[i] = new(i, r?.ClientAccountId, r?.Section, BulkOutcomes.Refused, Reason: BulkOutcomes.InvalidReport, Errors: check.Errors);
        }

        // Two reads for the whole request, whatever its size: the clients, and their pending work as it stands.
        var clients = valid.Select(v => v.Client).Distinct().ToArray();
        var accounts = (await session.LoadManyAsync<CollaborationAccount>(ct, clients)).Where(a => a.Kind == AccountKinds.Business).Select(a => a.Id).ToHashSet();
        var works = (await session.LoadManyAsync<ClientWork>(ct, clients.Select(ClientWork.IdFor))).ToDictionary(w => w.ClientAccountId);

        var told = new OutgoingMessages();
        var now = clock.GetUtcNow();
        foreach (var client in valid.GroupBy(v => v.Client))
        {
            if (!accounts.Contains(client.Key))
            {
                foreach (var v in client) outcomes[v.Index] = new(v.Index, v.Client, v.Section, BulkOutcomes.Refused, Reason: BulkOutcomes.ClientNotFound);
                continue;
            }
            var stored = works.GetValueOrDefault(client.Key);
            var (work, version, events) = (stored ?? ClientWork.New(client.Key), stored?.Version ?? 0, new List<object>());
            foreach (var v in client)
            {
                var (decided, report, messages) = ReportPendingWorkEndpoint.Decide(work, v.Section, v.Items, version, now);
                foreach (var e in decided.Cast<PendingWorkReported>()) (work, version) = (work.Apply(e), version + 1);
                events.AddRange(decided);
                told.AddRange(messages);
                outcomes[v.Index] = new(v.Index, v.Client, v.Section, report.Changed ? BulkOutcomes.Applied : BulkOutcomes.Unchanged, report.Pending);
            }
            if (events.Count == 0) continue;
            // The version each client's work was read at: a write of the client in between makes the whole request a 409.
            if (stored is null) session.Events.StartStream<ClientWork>(work.Id, events);
            else session.Events.Append(work.Id, version, events);
        }

        var results = outcomes.Select(o => o!).ToList();
        return (new BulkReportAnswer(results, results.Count(o => o.Outcome == BulkOutcomes.Applied),
            results.Count(o => o.Outcome == BulkOutcomes.Unchanged), results.Count(o => o.Outcome == BulkOutcomes.Refused)), told);
    }
}
