using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Holded.Partners.Marketplace.Listings;

/// <summary>The search's query string: free text, one value per catalog filter, and paging.</summary>
public sealed record ListingQuery
{
    public string? Q { get; set; }
    public string? Service { get; set; }
    public string? Province { get; set; }
    public string? Language { get; set; }
    public string? Sector { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }

    public ProblemDetails Validate()
    {
        return new Check()
            .PageOf(Page, PageSize)
            .Text("q", Q, 200, required: false)
            .OneOf("service", Service, Catalogs.Services, required: false)
            .OneOf("province", Province, Catalogs.ProvinceCodes, required: false)
            .OneOf("language", Language, Catalogs.Languages, required: false)
            .OneOf("sector", Sector, Catalogs.Sectors, required: false)
            .Result();
    }
}

/// <summary>
/// Search over visible listings with PostgreSQL's own full-text search (Spanish stemming, accents folded) and
/// jsonb containment on the catalog filters, both served by indexes. Ranked by text relevance, then completeness.
/// </summary>
public sealed class ListingSearch(NpgsqlDataSource database)
{
    /// <summary>
    /// The statement for one query. Only the conditions that apply are written, so each shape gets a plan that uses
    /// its indexes (a generic plan for "@q = '' or ..." would scan every row). Ranking, counting and paging run on the
    /// narrow search rows; only the page's documents are read.
    /// </summary>
    public static string Sql(bool text) => $"""
        with page as (
          select s.id, {(text ? "ts_rank(s.vector, websearch_to_tsquery('spanish', @q))" : "0::real")} as rank,
                 s.completeness, s.display_name, count(*) over () as total
          from {ListingSearchTable.Name} s
          join marketplace.mt_doc_listing l on l.id = s.id
          where s.visible and s.facets @> @filter::jsonb{(text ? " and s.vector @@ websearch_to_tsquery('spanish', @q)" : "")}
          order by rank desc, s.completeness desc, s.display_name, s.id
          limit @limit offset @offset)
        select l.data::text, page.total
        from page join marketplace.mt_doc_listing l on l.id = page.id
        order by page.rank desc, page.completeness desc, page.display_name, page.id
        """;

    public async Task<Page<Listing>> Search(ListingQuery query, CancellationToken ct)
    {
        var page = query.Page ?? 1;
        var size = query.PageSize ?? Paging.DefaultSize;
        var filter = new Dictionary<string, object>();
        if (query.Service is { } service) filter["Services"] = new[] { service };
        if (query.Province is { } province) filter["Provinces"] = new[] { province };
        if (query.Language is { } language) filter["Languages"] = new[] { language };
        if (query.Sector is { } sector) filter["Sectors"] = new[] { sector };

        var text = Fold(query.Q ?? "");
        await using var command = database.CreateCommand(Sql(text.Length > 0));
        if (text.Length > 0) command.Parameters.AddWithValue("q", text);
        command.Parameters.AddWithValue("filter", JsonSerializer.Serialize(filter));
        command.Parameters.AddWithValue("limit", size);
        command.Parameters.AddWithValue("offset", (page - 1) * size);
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
