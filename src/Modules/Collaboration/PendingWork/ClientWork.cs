using JasperFx.Events;

namespace Holded.Partners.Collaboration.PendingWork;

/// <summary>One pending activity the ERP reports: its id there, a title, optionally a due date and an amount, its link.</summary>
public sealed record PendingItem(string Id, string Title, DateOnly? DueDate, decimal? Amount, string Link);

public sealed record SectionsShared(Guid ClientAccountId, IReadOnlyList<string> Sections, string By);

public sealed record PendingWorkReported(Guid ClientAccountId, string Section, IReadOnlyList<PendingItem> Items);

public sealed record PendingItemCompleted(Guid ClientAccountId, string Section, string ItemId, Guid CollaborationId, string By);

/// <summary>What the ERP last said is pending in a section, and which of those items a firm member completed here.</summary>
public sealed record SectionWork(IReadOnlyList<PendingItem> Items, IReadOnlyList<string> Completed)
{
    public static readonly SectionWork Empty = new([], []);
    public IEnumerable<PendingItem> Pending => Items.Where(i => !Completed.Contains(i.Id));
    public int PendingCount => Pending.Count();
}

/// <summary>
/// A client's pending work: the sections it shares with its firms (none until it says), and per section the items
/// the ERP reported. A completion stands while the ERP keeps listing the item; once the ERP drops it, it is forgotten.
/// </summary>
public sealed record ClientWork(Guid Id, Guid ClientAccountId, IReadOnlyList<string> Shared, IReadOnlyDictionary<string, SectionWork> Sections)
{
    public long Version { get; set; }

    public static Guid IdFor(Guid clientAccountId) => StableIds.For("client-work", clientAccountId);

    public SectionWork Section(string section) => Sections.GetValueOrDefault(section) ?? SectionWork.Empty;
    public bool Shares(string section) => Shared.Contains(section);

    public static ClientWork Create(IEvent<SectionsShared> e) => New(e.Data.ClientAccountId).Apply(e.Data);
    public static ClientWork Create(IEvent<PendingWorkReported> e) => New(e.Data.ClientAccountId).Apply(e.Data);

    /// <summary>Nothing shared, nothing reported: a client the ERP has not spoken of yet.</summary>
    public static ClientWork New(Guid client) => new(IdFor(client), client, [], new Dictionary<string, SectionWork>());

    /// <summary>What the module tells the others when a section's pending count may have moved.</summary>
    public Contract.PendingWorkChanged Changed(string section, int before, long version, DateTimeOffset at) =>
        new(ClientAccountId, section, Catalogs.KpiOfSection[section], Section(section).PendingCount, before, Shares(section), version, at);

    public ClientWork Apply(SectionsShared e) => this with { Shared = e.Sections };

    public ClientWork Apply(PendingWorkReported e)
    {
        var completed = Section(e.Section).Completed.Where(id => e.Items.Any(i => i.Id == id)).ToArray();
        return With(e.Section, new SectionWork(e.Items, completed));
    }

    public ClientWork Apply(PendingItemCompleted e)
    {
        var section = Section(e.Section);
        return With(e.Section, section with { Completed = [.. section.Completed, e.ItemId] });
    }

    private ClientWork With(string section, SectionWork work) =>
        this with { Sections = new Dictionary<string, SectionWork>(Sections) { [section] = work } };
}
