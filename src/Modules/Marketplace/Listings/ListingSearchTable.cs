using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Holded.Partners.Marketplace.Listings;

/// <summary>
/// The search side of listings: the tsvector stored once per listing — the name weighs most, then services and
/// sectors, then the description — (ranking then reads it instead of re-parsing every
/// matching description), the catalog facets, and the ordering columns, each behind an index. Written in the same
/// transaction as the listing document, so both always agree.
/// </summary>
public static class ListingSearchTable
{
    public const string Name = "marketplace.listing_search";

    public static Table Definition()
    {
        var table = new Table(new PostgresqlObjectName(MarketplaceModule.Schema, "listing_search", Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<bool>("visible").NotNull();
        table.AddColumn("vector", "tsvector").NotNull();
        table.AddColumn("facets", "jsonb").NotNull();
        table.AddColumn<int>("completeness").NotNull();
        table.AddColumn<string>("display_name").NotNull();
        table.Indexes.Add(new IndexDefinition("ix_listing_search_vector") { Method = IndexMethod.gin, Columns = ["vector"], Predicate = "visible" });
        var facets = new IndexDefinition("ix_listing_search_facets") { Columns = ["facets"], Predicate = "visible" };
        facets.ToGinWithJsonbPathOps();
        table.Indexes.Add(facets);
        return table;
    }

    /// <summary>Upserts a listing's search row, in the session's unit of work.</summary>
    public static void Save(IDocumentSession session, Listing listing) => session.QueueSqlCommand(
        $"""
        insert into {Name} (id, visible, vector, facets, completeness, display_name)
        values (?, ?, setweight(to_tsvector('spanish', ?), 'A') || setweight(to_tsvector('spanish', ?), 'B') || setweight(to_tsvector('spanish', ?), 'C'),
                ?::jsonb, ?, ?)
        on conflict (id) do update set visible = excluded.visible, vector = excluded.vector, facets = excluded.facets,
          completeness = excluded.completeness, display_name = excluded.display_name
        """,
        listing.Id, listing.Visible, ListingSearch.Fold(listing.DisplayName), listing.TopicText, ListingSearch.Fold(listing.Description),
        System.Text.Json.JsonSerializer.Serialize(new
        {
            listing.Services, listing.Provinces, listing.Languages, listing.Sectors,
        }), listing.Completeness, listing.DisplayName);
}
