using Holded.Partners.Collaboration.Accounts;

namespace Holded.Partners.Collaboration.PendingWork;

public sealed record ReportedItem(string? Id, string? Title, DateOnly? DueDate, decimal? Amount, string? Link);

public sealed record ReportPendingWork(IReadOnlyList<ReportedItem>? Items);

public sealed record SectionReport(Guid ClientAccountId, string Section, int Pending, bool Changed);

/// <summary>
/// Step 10, the ERP's side: it replaces a client's pending items for one section at a time. The same list twice changes
/// nothing and records nothing, so the ERP may simply send what it has whenever it likes.
/// </summary>
public static class ReportPendingWorkEndpoint
{
    public const int MaxItems = 1000;

    public static Task<CollaborationAccount?> LoadAsync(Guid accountId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<CollaborationAccount>(accountId, ct);

    public static ProblemDetails Validate(ReportPendingWork command, CollaborationAccount? account, string section, Caller caller)
    {
        if (Scope(caller) is { Status: not null } refused) return refused;
        var check = Report(new Check(), section, command.Items);
        if (!check.IsValid) return check.Result();
        return account is { Kind: AccountKinds.Business } ? Problems.None : Problems.NotFound("client");
    }

    public static ProblemDetails Scope(Caller caller) => caller.Has(ServiceScopes.PendingWorkWrite) ? Problems.None
        : Problems.Forbidden($"Pending work is reported by the ERP's service token with the {ServiceScopes.PendingWorkWrite} scope.");

    /// <summary>One section's report, as the single and the bulk report check it (<paramref name="prefix"/> names it in a bulk one).</summary>
    public static Check Report(Check check, string? section, IReadOnlyList<ReportedItem?>? items, string prefix = "")
    {
        check.OneOf($"{prefix}section", section, Catalogs.Sections)
            .That(items is not null, $"{prefix}items", "is required: every pending item of the section (an empty list when none is).")
            .That(items is null || items.Count <= MaxItems, $"{prefix}items", $"must have at most {MaxItems} entries.");
        var list = items ?? [];
        for (var i = 0; i < list.Count && check.IsValid; i++)
        {
            var item = list[i];
            check.Text($"{prefix}items[{i}].id", item?.Id, 100)
                .Text($"{prefix}items[{i}].title", item?.Title, 200)
                .That(item?.Link is null || IsErpPath(item.Link), $"{prefix}items[{i}].link", "must be a path in the ERP, starting with one \"/\" (at most 500 characters).")
                .That(item?.Link is not null, $"{prefix}items[{i}].link", "is required: where the item is in the ERP.");
        }
        return check.That(!check.IsValid || list.Select(i => i!.Id!.Trim()).Distinct().Count() == list.Count, $"{prefix}items", "must not repeat an item id.");
    }

    /// <summary>The items of a report that passed <see cref="Report"/>, as the module keeps them.</summary>
    public static PendingItem[] Items(IReadOnlyList<ReportedItem?> items) =>
        [.. items.Select(i => new PendingItem(i!.Id!.Trim(), i.Title!.Trim(), i.DueDate, i.Amount, i.Link!))];

    // A path in the ERP: never another site, never a script.
    private static bool IsErpPath(string link) =>
        link.Length <= 500 && link.StartsWith('/') && !link.StartsWith("//") && !link.Contains('\\') && !link.Any(char.IsControl);

    /// <summary>
    /// The report, unless the ERP says what it said last; the section as it stands after it (the aggregate's own Apply);
    /// and what the others are told when its count may have moved.
    /// </summary>
    public static (IReadOnlyList<object> Events, SectionReport Report, IReadOnlyList<object> Told) Decide(
        ClientWork work, string section, IReadOnlyList<PendingItem> items, long version, DateTimeOffset now)
    {
        var before = work.Section(section);
        if (before.Items.SequenceEqual(items)) return ([], new SectionReport(work.ClientAccountId, section, before.PendingCount, false), []);
        var reported = new PendingWorkReported(work.ClientAccountId, section, items);
        var after = work.Apply(reported);
        return ([reported], new SectionReport(work.ClientAccountId, section, after.Section(section).PendingCount, true),
            [after.Changed(section, before.PendingCount, version + 1, now)]);
    }

    [WolverinePut("/api/v1/clients/{accountId}/pending-work/{section}")]
    public static async Task<(SectionReport, OutgoingMessages)> Put(
        Guid accountId, string section, ReportPendingWork command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var items = Items(command.Items!);
        // Loaded once, for writing, and locked: two reports of one client take turns, each deciding from the other's result.
        var stream = await session.Events.FetchForExclusiveWriting<ClientWork>(ClientWork.IdFor(accountId), ct);
        var (events, report, told) = Decide(stream.Aggregate ?? ClientWork.New(accountId), section, items, stream.CurrentVersion ?? 0, clock.GetUtcNow());
        if (events.Count > 0) stream.AppendMany(events);
        return (report, [.. told]);
    }
}
