using System.Text.Json;
using Marten;
using Shouldly;

namespace Holded.Partners.Testing;

public static class Rebuilds
{
    /// <summary>
    /// Rebuilds one projection from the events after wiping its documents, and asserts the read model comes back
    /// exactly as it was live. Wiping first makes sure the rebuild, not the leftovers, produced what is compared.
    /// </summary>
    public static async Task ShouldRebuildIdentically<TDoc>(this PartnersApp app, Type projection) where TDoc : notnull
    {
        var live = await Snapshot<TDoc>(app);
        live.ShouldNotBeEmpty($"the scenario should have produced some {typeof(TDoc).Name} documents");

        await using (var session = app.Store.LightweightSession())
        {
            session.DeleteWhere<TDoc>(_ => true);
            await session.SaveChangesAsync();
        }
        (await Snapshot<TDoc>(app)).ShouldBeEmpty();

        using var daemon = await app.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(1), CancellationToken.None);

        (await Snapshot<TDoc>(app)).ShouldBe(live);
    }

    private static async Task<List<string>> Snapshot<TDoc>(PartnersApp app) where TDoc : notnull
    {
        await using var session = app.Store.QuerySession();
        var docs = await session.Query<TDoc>().ToListAsync();
        return docs.Select(d => JsonSerializer.Serialize(d)).Order(StringComparer.Ordinal).ToList();
    }
}
