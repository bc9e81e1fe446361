namespace Holded.Partners.Access.Catalog;

public static class Levels
{
    public const string None = Contract.Levels.None;
    public const string Read = Contract.Levels.Read;
    public const string Write = Contract.Levels.Write;
    public static readonly IReadOnlyList<string> All = [None, Read, Write];
    public static int Rank(string level) => level switch { Write => 2, Read => 1, _ => 0 };
    public static string Min(string a, string b) => Rank(a) <= Rank(b) ? a : b;
}

public sealed record RoleDefinition(string Role, IReadOnlyDictionary<string, string> Sections);

public sealed record PlanDefinition(string Plan, IReadOnlyList<string> Sections);

/// <summary>The roles a client grants and what each plan lets a partner reach at all (product.md, "Catalogs").</summary>
public static class AccessCatalog
{
    private static IReadOnlyDictionary<string, string> Levels(string[] write, string[] read) =>
        Catalogs.Sections.ToDictionary(s => s, s => write.Contains(s) ? Catalog.Levels.Write : read.Contains(s) ? Catalog.Levels.Read : Catalog.Levels.None);

    private static readonly string[] All = [.. Catalogs.Sections];

    public static readonly IReadOnlyList<RoleDefinition> Roles =
    [
        new("full_advisor", Levels(All, [])),
        new("accountant", Levels(["accounting", "banking", "taxes"], ["invoicing", "expenses"])),
        new("tax_advisor", Levels(["taxes"], ["accounting", "invoicing", "expenses"])),
        new("payroll_advisor", Levels(["payroll"], [])),
        new("read_only", Levels([], All)),
    ];

    public static readonly IReadOnlyList<PlanDefinition> Plans =
    [
        new("free", ["invoicing", "expenses"]),
        new("basic", ["invoicing", "expenses", "accounting", "banking", "taxes"]),
        new("standard", ["invoicing", "expenses", "accounting", "banking", "taxes", "payroll"]),
        new("premium", All),
    ];

    public static readonly IReadOnlyList<string> RoleNames = Roles.Select(r => r.Role).ToArray();

    public static RoleDefinition? Role(string? role) => Roles.FirstOrDefault(r => r.Role == role);

    /// <summary>Per section: the role's level, capped by what the client's plan includes (nothing without a known plan).</summary>
    public static IReadOnlyDictionary<string, string> Effective(string role, string? plan) =>
        EffectiveLevels.TryGetValue((role, plan ?? ""), out var levels) ? levels : EffectiveLevels[(role, "")];

    // Every role under every plan, and under none, worked out once: access checks read it on every request.
    private static readonly Dictionary<(string Role, string Plan), IReadOnlyDictionary<string, string>> EffectiveLevels =
        (from role in Roles
         from plan in Plans.Append(new PlanDefinition("", []))
         select (role, plan))
        .ToDictionary(x => (x.role.Role, x.plan.Plan), x => Capped(x.role, x.plan));

    private static IReadOnlyDictionary<string, string> Capped(RoleDefinition role, PlanDefinition plan) =>
        role.Sections.ToDictionary(s => s.Key, s => plan.Sections.Contains(s.Key) ? s.Value : Catalog.Levels.None);
}

/// <summary>
/// One section of a role under a plan, before it is granted: the role's own level, whether the plan includes the
/// section, the level that results, and why a section is out (the access decision's own reasons).
/// </summary>
public sealed record SectionPreview(string Section, string RoleLevel, bool InPlan, string Level, string? Reason);

public static class AccessPreviews
{
    /// <summary>What <paramref name="role"/> gives under <paramref name="plan"/>, per section: <see cref="AccessCatalog.Effective"/> and its why.</summary>
    public static IReadOnlyList<SectionPreview> Of(string role, string? plan)
    {
        var roleLevels = AccessCatalog.Role(role)!.Sections;
        var effective = AccessCatalog.Effective(role, plan);
        var included = AccessCatalog.Plans.FirstOrDefault(p => p.Plan == plan)?.Sections ?? [];
        return [.. Catalogs.Sections.Select(s => new SectionPreview(s, roleLevels[s], included.Contains(s), effective[s],
            effective[s] != Levels.None ? null
            : roleLevels[s] == Levels.None ? Decisions.Reasons.RoleLevelTooLow // the role gives nothing here
            : Decisions.Reasons.PlanExcludesSection))];
    }
}
