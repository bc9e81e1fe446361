using System.Globalization;
using Holded.Partners.Access.Grants;
using Holded.Partners.Access.Replicas;
using Holded.Partners.Access.Sessions;
using JasperFx.Events;
using Microsoft.AspNetCore.Http;

namespace Holded.Partners.Access.Records;

/// <summary>
/// Where the record's facts are read, each from the module that owns it, as of the instant: the grants, sessions and
/// just-in-time access from Access's own events; the collaborations, their managers and what each client shared from the Collaboration module;
/// who each account is and who belonged to it, when, from Onboarding. The other two are asked through Contracts, and
/// each answers from its own streams' events: no module reads another's tables, and no copy that knows only today is used.
/// </summary>
public static class ProcessingRecords
{
    public static async Task<ProcessingRecord> ReadAsync(AccessAccount firm, DateTimeOffset asOf, IQuerySession session, IMessageBus bus, CancellationToken ct)
    {
        var collaborations = (await bus.InvokeAsync<Collaborations.FirmCollaborations>(new Collaborations.AskFirmCollaborations(firm.Id, asOf), ct)).Collaborations;
        var accounts = (await bus.InvokeAsync<Onboarding.AccountHistories>(
            new Onboarding.AskAccountHistories([firm.Id, .. collaborations.Select(c => c.ClientAccountId).Distinct()], asOf), ct)).Accounts;
        var grants = new Dictionary<Guid, IReadOnlyList<IEvent>>();
        foreach (var c in collaborations) grants[c.CollaborationId] = await session.Events.StreamAsync(Grant.IdFor(c.CollaborationId), ct);
        // A session's document is its one event (SessionOpened), never changed after: the sessions' log, found by firm.
        var sessions = await session.Query<AccessSession>().Where(s => s.PartnerAccountId == firm.Id && s.OpenedAt <= asOf).ToListAsync(ct);
        // Just-in-time access, by the times its own events set: what had started by the instant (the builder reads its end then).
        var justInTime = await session.Query<JustInTime.JustInTimeAccess>()
            .Where(j => j.PartnerAccountId == firm.Id && j.StartedAt != null && j.StartedAt <= asOf).ToListAsync(ct);
        return ProcessingRecordBuilder.Build(new RecordFacts(firm.Id, asOf, accounts.FirstOrDefault(a => a.AccountId == firm.Id), firm.Name,
            collaborations, accounts.Where(a => a.AccountId != firm.Id).ToDictionary(a => a.AccountId), grants, [.. sessions], [.. justInTime]));
    }

    /// <summary>
    /// Who reads a firm's record: its administrators, and platform auditors. Anyone outside the firm, and any id that is
    /// not a firm's, is told it does not exist; a member who is not an administrator is told why not (they know the firm).
    /// </summary>
    public static ProblemDetails Authorize(AccessAccount? firm, Caller caller)
    {
        if (firm is not { Kind: AccountKinds.Advisory }) return Problems.NotFound("firm");
        if (caller.Is(PlatformRoles.Auditor) || firm.IsManagedBy(caller.UserId)) return Problems.None;
        return firm.IsMember(caller.UserId)
            ? Problems.Forbidden("The record of processing is kept by the firm's administrators.")
            : Problems.NotFound("firm");
    }

    /// <summary>
    /// "2026-06-30" is as of the end of that day (UTC); an instant (ISO 8601) is as of that instant; nothing is now. A
    /// later instant than now reads as now: what is recorded is all there is.
    /// </summary>
    public static bool TryAsOf(string? text, DateTimeOffset now, out DateTimeOffset asOf)
    {
        asOf = now;
        if (string.IsNullOrWhiteSpace(text)) return true;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            asOf = new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        else if (text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            asOf = instant.ToUniversalTime();
        else return false;
        if (asOf.Year < 2000) return false;
        if (asOf > now) asOf = now;
        return true;
    }

    public static ProblemDetails CheckAsOf(string? asOf) => new Check()
        .That(TryAsOf(asOf, DateTimeOffset.MaxValue, out _), "asOf", "must be a date such as 2026-06-30 (as of the end of that day, UTC) or an ISO 8601 instant.")
        .Result();
}

/// <summary>GET the firm's record of processing (GDPR Art. 30(2)) as of a date, as JSON.</summary>
public static class GetProcessingRecordEndpoint
{
    public static Task<AccessAccount?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => session.LoadAsync<AccessAccount>(id, ct);

    public static ProblemDetails Validate(AccessAccount? firm, string? asOf, Caller caller) =>
        ProcessingRecords.Authorize(firm, caller) is { Status: not null } refused ? refused : ProcessingRecords.CheckAsOf(asOf);

    [WolverineGet("/api/v1/firms/{id}/processing-record")]
    public static Task<ProcessingRecord> Get(Guid id, string? asOf, [NotBody] AccessAccount firm, IQuerySession session, IMessageBus bus,
        TimeProvider clock, CancellationToken ct)
    {
        ProcessingRecords.TryAsOf(asOf, clock.GetUtcNow(), out var at);
        return ProcessingRecords.ReadAsync(firm, at, session, bus, ct);
    }
}

/// <summary>The same record as a PDF, in the caller's language (Accept-Language; Spanish by default).</summary>
public static class GetProcessingRecordPdfEndpoint
{
    public static Task<AccessAccount?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => session.LoadAsync<AccessAccount>(id, ct);

    public static ProblemDetails Validate(AccessAccount? firm, string? asOf, Caller caller) => GetProcessingRecordEndpoint.Validate(firm, asOf, caller);

    [WolverineGet("/api/v1/firms/{id}/processing-record.pdf")]
    public static async Task<IResult> Get(Guid id, string? asOf, [NotBody] AccessAccount firm, HttpContext http, IQuerySession session, IMessageBus bus,
        TimeProvider clock, CancellationToken ct)
    {
        ProcessingRecords.TryAsOf(asOf, clock.GetUtcNow(), out var at);
        var record = await ProcessingRecords.ReadAsync(firm, at, session, bus, ct);
        return ProcessingRecordPdf.File(record, Language.Of(http.Request), clock.GetUtcNow());
    }
}
