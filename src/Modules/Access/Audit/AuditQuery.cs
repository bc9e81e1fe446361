namespace Holded.Partners.Access.Audit;

/// <summary>The trail's filters. A field left empty (as a form sends it) is no filter at all.</summary>
public sealed record AuditQuery
{
    public const int MaxLimit = 200;
    public const int DefaultLimit = 50;

    public Guid? ClientAccountId { get; set; }
    public Guid? PartnerAccountId { get; set; }
    public string? UserId { get; set => field = Blank(value); }
    public string? Type { get; set => field = Blank(value); }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? To { get; set; }
    public string? Cursor { get; set => field = Blank(value); }
    public int? Limit { get; set; }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// One page of the trail, newest first, and the cursor of the next when there is one. Names: what the accounts and
/// people the page names are called today (account id or user id → name), for reading; the entries keep the ids.
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, string? NextCursor, IReadOnlyDictionary<string, string> Names)
{
    public string? NameOf(Guid? id) => id is { } known ? NameOf(known.ToString()) : null;
    public string? NameOf(string? id) => id is not null && Names.TryGetValue(id, out var name) ? name : null;
}
