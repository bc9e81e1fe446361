using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Holded.Partners.Marketplace.Listings;

/// <summary>
/// The search side of listings: the tsvector stored once per listing (name, then services and sectors, then the
/// description, as weights A, B, C), the name's words apart, the catalog facets, and the ordering columns, each behind
/// an index. Written in the same
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
        // The words of the name alone (the vector's weight A), kept by PostgreSQL: a name match ranks first.
        table.AddColumn("name_vector", "tsvector").GeneratedAs("ts_filter(vector, '{a}')");
        table.Indexes.Add(new IndexDefinition("ix_listing_search_vector") { Method = IndexMethod.gin, Columns = ["vector"], Predicate = "visible" });
        table.Indexes.Add(new IndexDefinition("ix_listing_search_name") { Method = IndexMethod.gin, Columns = ["name_vector"], Predicate = "visible" });
        // The results' order: walked in order, a broad search stops after one page instead of sorting every match.
        table.Indexes.Add(new IndexDefinition("ix_listing_search_order") { Columns = ["(- completeness)", "display_name", "id"], Predicate = "visible" });
        // A search row never outlives its listing (nor a store reset, which truncates the listings with cascade).
        table.ForeignKeys.Add(new ForeignKey("fk_listing_search_listing")
        {
            LinkedTable = new PostgresqlObjectName(MarketplaceModule.Schema, "mt_doc_listing", Weasel.Postgresql.SchemaUtils.IdentifierUsage.General),
#pragma warning disable CS0618 // ForeignKey.OnDelete still takes the Postgresql type it marks obsolete
            ColumnNames = ["id"], LinkedNames = ["id"], OnDelete = CascadeAction.Cascade,
#pragma warning restore CS0618
        });
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
