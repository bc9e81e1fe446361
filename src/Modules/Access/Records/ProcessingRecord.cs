using Holded.Partners.Access.Catalog;
using Holded.Partners.Access.Grants;
using Holded.Partners.Access.JustInTime;
using Holded.Partners.Access.Sessions;
using JasperFx.Events;

namespace Holded.Partners.Access.Records;

/// <summary>
/// The record of processing a firm keeps as a processor (GDPR Art. 30(2)), as of an instant: the firm and each client it
/// served by then (the controllers), and per collaboration the categories of processing (sections × levels in force,
/// period by period), the people with access, the sessions they held, and the safeguards.
/// </summary>
public sealed record ProcessingRecord(
    Guid FirmAccountId, DateTimeOffset AsOf, Party Processor, IReadOnlyList<ControllerRecord> Controllers, IReadOnlyList<Words> Safeguards);

/// <summary>A party as it registered: name, tax id, contact and address.</summary>
public sealed record Party(
    Guid AccountId, string LegalName, string? TaxId, string? ContactName, string? ContactEmail, string? ContactPhone, string? Address);

/// <summary>One client (a controller) and each collaboration in which the firm processed its data.</summary>
public sealed record ControllerRecord(Party Client, IReadOnlyList<ServicePeriod> Periods);

/// <summary>One collaboration, from its start until it ended (<see cref="To"/> null: in force at the record's instant).</summary>
public sealed record ServicePeriod(
    Guid CollaborationId, DateTimeOffset From, DateTimeOffset? To, string? EndReason, IReadOnlyList<CategoryPeriod> Categories,
    IReadOnlyList<SharedPeriod> SharedPendingWork, IReadOnlyList<PersonWithAccess> People, IReadOnlyList<SessionsHeld> Sessions);

/// <summary>
/// What the firm could process in the client's account while one grant stood under one plan: the granted role, the
/// client's plan, and each section's level that resulted (the role capped by the plan; sections with none left out).
/// <see cref="EndReason"/>: why access stopped there (removed, expired, terminated), or null when the role or plan changed.
/// </summary>
public sealed record CategoryPeriod(
    DateTimeOffset From, DateTimeOffset? To, string Role, string? Plan, DateTimeOffset? ExpiresAt, string? EndReason, IReadOnlyList<SectionLevel> Sections);

public sealed record SectionLevel(string Section, string Level);

/// <summary>The sections whose pending-task summaries the client shared with its firms, for a while.</summary>
public sealed record SharedPeriod(IReadOnlyList<string> Sections, DateTimeOffset From, DateTimeOffset? To);

/// <summary>
/// A person of the firm who could reach the client, and on what basis: "administrator" (a firm's administrators reach
/// every client), "account_manager" (assigned to this client) or "just_in_time" (temporary access asked for and approved,
/// described in <see cref="JustInTime"/>), for a while within the collaboration.
/// </summary>
public sealed record PersonWithAccess(
    string UserId, string Name, string? Email, string Basis, DateTimeOffset From, DateTimeOffset? To, AskedAccess? JustInTime = null);

/// <summary>
/// Just-in-time access as the record tells it: the reason the member gave, the sections asked for (at the grant's level),
/// when it was to expire, and why it stopped when it did ("expired", or the early end's reason; null while in force).
/// </summary>
public sealed record AskedAccess(Guid RequestId, string Reason, IReadOnlyList<string> Sections, DateTimeOffset ExpiresAt, string? EndReason);

/// <summary>The access sessions one person opened in the client's account: how many, the first and the last.</summary>
public sealed record SessionsHeld(string UserId, string Name, int Count, DateTimeOffset First, DateTimeOffset Last);

public static class AccessBases
{
    public const string Administrator = Roles.Administrator;
    public const string AccountManager = Roles.AccountManager;
    public const string JustInTime = "just_in_time";
}

/// <summary>The facts the record is made of, each as its owner tells it as of the instant (see <see cref="ProcessingRecords"/>).</summary>
public sealed record RecordFacts(
    Guid FirmAccountId, DateTimeOffset AsOf, Onboarding.AccountHistory? Firm, string FirmName,
    IReadOnlyList<Collaborations.CollaborationSpan> Collaborations, IReadOnlyDictionary<Guid, Onboarding.AccountHistory> Clients,
    IReadOnlyDictionary<Guid, IReadOnlyList<IEvent>> GrantEvents, IReadOnlyList<AccessSession> Sessions,
    IReadOnlyList<JustInTimeAccess>? JustInTime = null);

/// <summary>The record, decided from the facts alone: no clock, no store.</summary>
public static class ProcessingRecordBuilder
{
    public static ProcessingRecord Build(RecordFacts facts)
    {
        var firmMembers = facts.Firm?.Members ?? [];
        var controllers = facts.Collaborations
            .GroupBy(c => c.ClientAccountId)
            .Select(g =>
            {
                var history = facts.Clients.GetValueOrDefault(g.Key);
                return new ControllerRecord(PartyOf(g.Key, history, g.First().ClientName),
                    [.. g.OrderBy(c => c.From).Select(c => Period(c, history, firmMembers, facts))]);
            })
            .OrderBy(c => c.Client.LegalName, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new ProcessingRecord(facts.FirmAccountId, facts.AsOf, PartyOf(facts.FirmAccountId, facts.Firm, facts.FirmName), controllers, Safeguards.All);
    }

    private static Party PartyOf(Guid id, Onboarding.AccountHistory? h, string fallbackName) => h is null
        ? new Party(id, fallbackName, null, null, null, null, null)
        : new Party(id, h.LegalName, h.TaxId, h.ContactName, h.ContactEmail, h.ContactPhone,
            $"{h.Street}, {h.PostalCode} {h.City} ({Catalogs.Provinces.GetValueOrDefault(h.Province, h.Province)})");

    private static ServicePeriod Period(Collaborations.CollaborationSpan c, Onboarding.AccountHistory? client,
        IReadOnlyList<Onboarding.MemberSpell> firmMembers, RecordFacts facts)
    {
        var grants = GrantSpells(facts.GrantEvents.GetValueOrDefault(c.CollaborationId) ?? [], facts.AsOf);
        var plans = client?.Plans ?? [new Onboarding.PlanSpell(null, c.From, null)];
        // Within the collaboration: the grant's end with it is recorded a moment after the end itself, in the same transaction.
        var categories = (from g in grants
                          from p in plans
                          let overlap = Within(Overlap(g.From, g.To, p.From, p.To), c)
                          where overlap is not null
                          select new CategoryPeriod(overlap.Value.From, overlap.Value.To, g.Role, p.Plan, g.ExpiresAt,
                              p.To is null || g.To <= p.To ? g.EndReason : null,
                              [.. AccessCatalog.Effective(g.Role, p.Plan).Where(s => s.Value != Levels.None).Select(s => new SectionLevel(s.Key, s.Value))]))
            .OrderBy(x => x.From).ToList();

        string? EmailOf(string user) => firmMembers.LastOrDefault(m => m.UserId == user)?.Email;
        string NameOf(string user, string? known = null) =>
            firmMembers.LastOrDefault(m => m.UserId == user)?.Name is { Length: > 0 } name ? name : known ?? user;

        // The firm's administrators reach every client while they are administrators; managers only while assigned.
        var administrators = from m in firmMembers
                             where m.Role == Roles.Administrator
                             let overlap = Overlap(m.From, m.To, c.From, c.To)
                             where overlap is not null
                             select new PersonWithAccess(m.UserId, m.Name, m.Email, AccessBases.Administrator, overlap.Value.From, overlap.Value.To);
        var managers = from m in c.Managers
                       let overlap = Within((m.From, m.To), c)
                       where overlap is not null
                       select new PersonWithAccess(m.UserId, NameOf(m.UserId, m.Name), EmailOf(m.UserId), AccessBases.AccountManager, overlap.Value.From, overlap.Value.To);
        var justInTime = from j in facts.JustInTime ?? []
                         where j.CollaborationId == c.CollaborationId
                         let spell = JustInTimeSpell(j, facts.AsOf)
                         where spell is not null
                         let overlap = Within((spell.Value.From, spell.Value.To), c)
                         where overlap is not null
                         select new PersonWithAccess(j.UserId, NameOf(j.UserId), EmailOf(j.UserId), AccessBases.JustInTime, overlap.Value.From, overlap.Value.To,
                             new AskedAccess(j.Id, j.Reason, j.Sections, j.ExpiresAt!.Value, spell.Value.EndReason));
        var people = administrators.Concat(managers).Concat(justInTime).OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.From).ToList();

        var sessions = facts.Sessions.Where(s => s.CollaborationId == c.CollaborationId)
            .GroupBy(s => s.UserId)
            .Select(s => new SessionsHeld(s.Key, NameOf(s.Key), s.Count(), s.Min(x => x.OpenedAt), s.Max(x => x.OpenedAt)))
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

        return new ServicePeriod(c.CollaborationId, c.From, c.To, c.EndReason, categories,
            [.. c.Shared.Select(s => new SharedPeriod(s.Sections, s.From, s.To))], people, sessions);
    }

    /// <summary>A grant while one role stood: from the grant or a change of role until the next change or its end.</summary>
    public sealed record GrantSpell(string Role, DateTimeOffset From, DateTimeOffset? To, DateTimeOffset? ExpiresAt, string? EndReason);

    /// <summary>
    /// The grant stream's events up to the instant, as spells of one role. A change of expiry alone keeps the spell; a
    /// grant past its expiry stopped working then, even before its expiry was recorded.
    /// </summary>
    public static IReadOnlyList<GrantSpell> GrantSpells(IReadOnlyList<IEvent> events, DateTimeOffset asOf)
    {
        var spells = new List<GrantSpell>();
        void Close(DateTimeOffset at, string? reason)
        {
            if (spells.Count > 0 && spells[^1].To is null) spells[^1] = spells[^1] with { To = at, EndReason = reason };
        }
        foreach (var e in events.Where(e => e.At() <= asOf))
        {
            switch (e.Data)
            {
                case AccessGranted g:
                    Close(e.At(), null);
                    spells.Add(new GrantSpell(g.Role, e.At(), null, g.ExpiresAt, null));
                    break;
                case AccessGrantChanged c when spells.Count > 0 && spells[^1].To is null:
                    if (c.ToRole == spells[^1].Role) spells[^1] = spells[^1] with { ExpiresAt = c.ToExpiresAt };
                    else
                    {
                        Close(e.At(), null);
                        spells.Add(new GrantSpell(c.ToRole, e.At(), null, c.ToExpiresAt, null));
                    }
                    break;
                case AccessExtended x when spells.Count > 0 && spells[^1].To is null:
                    spells[^1] = spells[^1] with { ExpiresAt = x.ToExpiresAt };
                    break;
                case AccessRenewed r when spells.Count > 0 && spells[^1].To is null:
                    spells[^1] = spells[^1] with { ExpiresAt = r.ToExpiresAt };
                    break;
                case AccessRemoved: Close(e.At(), GrantStatus.Removed); break;
                case AccessExpired x: Close(x.ExpiresAt < e.At() ? x.ExpiresAt : e.At(), GrantStatus.Expired); break;
                case AccessTerminated: Close(e.At(), GrantStatus.Terminated); break;
            }
        }
        return [.. spells.Select(s => s.ExpiresAt is { } expiry && expiry <= (s.To ?? asOf) && expiry >= s.From
            ? s with { To = expiry, EndReason = GrantStatus.Expired }
            : s)];
    }

    /// <summary>
    /// Just-in-time access as it stood at the instant, from its event-derived times: nothing unless approved by then; ended
    /// at its early end or its expiry when that came by then (an expiry is recorded after the fact: the expiry is when it
    /// stopped), in force otherwise, even when it ended later.
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset? To, string? EndReason)? JustInTimeSpell(JustInTimeAccess access, DateTimeOffset asOf)
    {
        if (access is not { StartedAt: { } from, ExpiresAt: { } expires } || from > asOf) return null;
        if (access.EndedAt is { } ended && ended <= asOf && ended < expires)
            return (from, ended, access.EndReason ?? JustInTimeStatus.Ended);
        return expires <= asOf ? (from, expires, JustInTimeStatus.Expired) : (from, null, null);
    }

    private static (DateTimeOffset From, DateTimeOffset? To)? Within((DateTimeOffset From, DateTimeOffset? To)? period, Collaborations.CollaborationSpan c) =>
        period is { } p ? Overlap(p.From, p.To, c.From, c.To) : null;

    /// <summary>Where two periods overlap (null ends: still running), or null when they do not.</summary>
    public static (DateTimeOffset From, DateTimeOffset? To)? Overlap(DateTimeOffset aFrom, DateTimeOffset? aTo, DateTimeOffset bFrom, DateTimeOffset? bTo)
    {
        var from = aFrom > bFrom ? aFrom : bFrom;
        DateTimeOffset? to = aTo is null ? bTo : bTo is null ? aTo : aTo < bTo ? aTo : bTo;
        return to is { } end && end <= from ? null : (from, to);
    }
}
