using JasperFx;
using Marten;

namespace Holded.Partners.Bench;

/// <summary>The raw ceiling's store: plain Marten on its own schema of the benchmark's database, nothing of the host's.</summary>
public static class RawMarten
{
    public static async Task<DocumentStore> OpenAsync(string connection)
    {
        var store = DocumentStore.For(x =>
        {
            x.Connection(connection);
            x.DatabaseSchemaName = "bench_raw";
            x.Events.DatabaseSchemaName = "bench_raw";
            x.Events.StreamIdentity = JasperFx.Events.StreamIdentity.AsGuid;
            x.AutoCreateSchemaObjects = AutoCreate.All;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return store;
    }
}
