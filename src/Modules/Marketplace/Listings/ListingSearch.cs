using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Holded.Partners.Marketplace.Listings;

/// <summary>The search's query string: free text, one value per catalog filter, and paging.</summary>
public sealed record ListingQuery
{
    // An empty field is no filter: a form sends "province=" for "Cualquiera", and that must not match nothing.
    public string? Q { get; set => field = Blank(value); }
    public string? Service { get; set => field = Blank(value); }
    public string? Province { get; set => field = Blank(value); }
    public string? Language { get; set => field = Blank(value); }
    public string? Sector { get; set => field = Blank(value); }
    public int? Page { get; set; }
    public int? PageSize { get; set; }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public ProblemDetails Validate()
    {
        // The scan behind a page grows with page × pageSize, for anyone: bounded by the firms a search counts at all.
        return new Check()
            .PageOf(Page, PageSize)
            .That((long)(Page ?? 1) * (PageSize ?? Paging.DefaultSize) <= ListingSearch.CountCap, "page",
                $"reaches at most the first {ListingSearch.CountCap} firms (page × pageSize ≤ {ListingSearch.CountCap}): narrow the search with q or a filter.")
            .Text("q", Q, 200, required: false)
            .OneOf("service", Service, Catalogs.Services, required: false)
            .OneOf("province", Province, Catalogs.ProvinceCodes, required: false)
            .OneOf("language", Language, Catalogs.Languages, required: false)
            .OneOf("sector", Sector, Catalogs.Sectors, required: false)
            .Result();
    }
}

/// <summary>
/// Search over visible listings with PostgreSQL's own full-text search (Spanish stemming, accents folded) and jsonb
/// containment on the catalog filters. Relevance is where the words are: firms whose name has them first, then firms
/// whose profile has them; within each, the fuller profile first, then the name. (Not how often a word is repeated:
/// that rewards stuffing a description.) Every statement is bounded by the page, not by how many listings match: names
/// with the words are capped, the profile matches walk the order index and stop, and the total is counted up to
/// <see cref="CountCap"/>.
/// </summary>
public sealed class ListingSearch(NpgsqlDataSource database)
{
    /// <summary>A search finding more says this many ("500+"): nobody pages through hundreds of firms, and counting them all costs every query.</summary>
    public const int CountCap = 500;

    private const string Order = "-completeness, display_name, id";

    /// <summary>
    /// The statement for one query. Only the conditions that apply are written, so each shape gets a plan that uses its
    /// indexes (a generic plan for "@q = '' or ..." would scan every row). Only the page's documents are read.
    /// </summary>
    public static string Sql(bool text)
    {
        const string table = ListingSearchTable.Name;
        const string match = "visible and facets @> @filter::jsonb";
        const string words = "websearch_to_tsquery('spanish', @q)";
        // Names with the words are found through their own index and capped, never by walking the order (the planner
        // cannot know that a word is in no name, and would walk every listing looking for one).
        var ranked = text
            ? $"""
              named as materialized (select id, completeness, display_name from {table} where {match} and name_vector @@ {words} limit {CountCap}),
              ranked as (
                (select id, 1 as tier, completeness, display_name from named order by {Order} limit @window)
                union all
                (select id, 2, completeness, display_name from {table} where {match} and vector @@ {words} and not name_vector @@ {words}
                 order by {Order} limit @window)),
              """
            : $"ranked as (select id, 1 as tier, completeness, display_name from {table} where {match} order by {Order} limit @window),";
        return $"""
            with {ranked}
                 page as (select * from ranked order by tier, {Order} limit @limit offset @offset),
                 found as (select count(*) as total from (select 1 from {table} where {match}{(text ? $" and vector @@ {words}" : "")} limit {CountCap}) c)
            select l.data::text, found.total
            from page join marketplace.mt_doc_listing l on l.id = page.id cross join found
            order by page.tier, -page.completeness, page.display_name, page.id
            """;
    }

    /// <summary>The command for one query: the endpoint runs it, and the benchmark runs it raw as the endpoint's ceiling.</summary>
    public static NpgsqlCommand Command(NpgsqlDataSource database, ListingQuery query)
    {
        var page = query.Page ?? 1;
        var size = query.PageSize ?? Paging.DefaultSize;
        var filter = new Dictionary<string, object>();
        if (query.Service is { } service) filter["Services"] = new[] { service };
        if (query.Province is { } province) filter["Provinces"] = new[] { province };
        if (query.Language is { } language) filter["Languages"] = new[] { language };
        if (query.Sector is { } sector) filter["Sectors"] = new[] { sector };
        var text = Fold(query.Q ?? "");
        var command = database.CreateCommand(Sql(text.Length > 0));
        if (text.Length > 0) command.Parameters.AddWithValue("q", text);
        command.Parameters.AddWithValue("filter", JsonSerializer.Serialize(filter));
        command.Parameters.AddWithValue("limit", size);
        command.Parameters.AddWithValue("offset", (page - 1) * size);
        command.Parameters.AddWithValue("window", page * size);
        return command;
    }

    public async Task<Page<Listing>> Search(ListingQuery query, CancellationToken ct)
    {
        var page = query.Page ?? 1;
        var size = query.PageSize ?? Paging.DefaultSize;
        await using var command = Command(database, query);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<Listing>();
        long total = 0;
        while (await reader.ReadAsync(ct))
        {
            items.Add(JsonSerializer.Deserialize<Listing>(reader.GetString(0))!);
            total = reader.GetInt64(1);
        }
        if (items.Count == 0 && page > 1) total = await Count(query, ct);
        return new Page<Listing>(items, page, size, total);
    }

    private async Task<long> Count(ListingQuery query, CancellationToken ct) =>
        (await Search(query with { Page = 1, PageSize = 1 }, ct)).Total;

    /// <summary>Lower case without accents: "Gestoría" and "gestoria" find each other.</summary>
    public static string Fold(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) plain.Append(char.ToLowerInvariant(c));
        return plain.ToString().Normalize(NormalizationForm.FormC);
    }
}
